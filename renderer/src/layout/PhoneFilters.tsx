import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useScreen } from './screen';

/**
 * A list's secondary filters: on the PC and a tablet where they always were; on a phone behind one
 * "Filters" button (with how many are set), so the list starts near the top of the screen.
 */
export function PhoneFilters({ children, active = 0 }: { children: ReactNode; active?: number }) {
  const { t } = useTranslation('mobile');
  const { phone } = useScreen();
  const [open, setOpen] = useState(false);
  if (!phone) return <>{children}</>;
  return (
    <>
      <Badge count={active} size="small" offset={[-6, 6]}>
        <Button icon={<FilterOutlined />} aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="phone-filters">
          {t('filters')}
        </Button>
      </Badge>
      {open && <div className="sk-phone-filters">{children}</div>}
    </>
  );
}
