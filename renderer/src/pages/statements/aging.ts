import type { AgingBucket } from '../../../../main/statements/dueDate';

// The renderer imports only types from main/: the list is repeated here (the type keeps it in step).
export const AGING_BUCKETS: AgingBucket[] = ['notDue', 'days0to30', 'days31to60', 'days61to90', 'days90plus'];
