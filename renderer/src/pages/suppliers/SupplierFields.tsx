import { AutoComplete, Col, Form, Input } from 'antd';
import { useApiQuery } from '../../api/hooks';

/**
 * The product editor's supplier: a name picked from the suppliers (or typed: the API links the
 * product to the supplier of that name, made if new) and the factory's own item no.
 */
export function SupplierFields({ label, itemNoLabel }: { label: string; itemNoLabel: string }) {
  const suppliers = useApiQuery('suppliers.list', { limit: 500 });
  const options = (suppliers.data?.items ?? []).map((s) => ({ value: s.names.zh, label: s.names.en ? `${s.names.zh} · ${s.names.en}` : s.names.zh }));
  return (
    <>
      <Col span={16}>
        <Form.Item name="supplier" label={label}>
          <AutoComplete options={options} maxLength={200} filterOption={(input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase())} data-testid="field-supplier" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="supplierItemNo" label={itemNoLabel}>
          <Input maxLength={60} data-testid="field-supplier-item-no" />
        </Form.Item>
      </Col>
    </>
  );
}
