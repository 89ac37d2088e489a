import { AutoComplete, Input } from 'antd';
import { useApiQuery } from '../../api/hooks';
import { FieldCol } from '../../lib/FieldCol';

/**
 * The product editor's supplier: a name picked from the suppliers (or typed: the API links the
 * product to the supplier of that name, made if new) and the factory's own item no.
 */
export function SupplierFields({ label, itemNoLabel }: { label: string; itemNoLabel: string }) {
  const suppliers = useApiQuery('suppliers.list', { limit: 500 });
  const options = (suppliers.data?.items ?? []).map((s) => ({ value: s.names.zh, label: s.names.en ? `${s.names.zh} · ${s.names.en}` : s.names.zh }));
  return (
    <>
      <FieldCol span={16} name="supplier" label={label}>
        <AutoComplete options={options} maxLength={200} filterOption={(input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase())} data-testid="field-supplier" />
      </FieldCol>
      <FieldCol span={8} name="supplierItemNo" label={itemNoLabel}>
        <Input maxLength={60} data-testid="field-supplier-item-no" />
      </FieldCol>
    </>
  );
}
