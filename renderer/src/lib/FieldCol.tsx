import { Col, Form, type ColProps, type FormItemProps } from 'antd';

type Props = Pick<ColProps, 'span' | 'xs' | 'sm' | 'md' | 'lg' | 'xl'> & FormItemProps;

/** A form field in a column of a form's grid: `<Col span><Form.Item …>{input}</Form.Item></Col>` in one. */
export function FieldCol({ span, xs, sm, md, lg, xl, ...item }: Props) {
  return (
    <Col span={span} xs={xs} sm={sm} md={md} lg={lg} xl={xl}>
      <Form.Item {...item} />
    </Col>
  );
}
