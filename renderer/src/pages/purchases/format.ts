import type { PurchaseStatus } from '../../../../main/purchases/types';

export type PoStatus = PurchaseStatus;
// The renderer imports only types from main/: the list is repeated here (the type keeps it in step).
export const PO_STATUSES: PoStatus[] = ['draft', 'ordered', 'partly_received', 'received', 'closed', 'cancelled'];
export const PO_COLORS: Record<PoStatus, string> = {
  draft: 'default',
  ordered: 'processing',
  partly_received: 'orange',
  received: 'success',
  closed: 'purple',
  cancelled: 'default',
};

export function todayText(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
