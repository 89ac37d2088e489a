import '../quotes/quotes.css';
import '../quotes/quotes-mobile.css';
import { Route, Routes } from 'react-router';
import { InvoiceList } from './InvoiceList';
import { InvoiceScreen } from './InvoiceScreen';

/** /invoices: the PI list; /invoices/:id: one PI with its payments and stock. */
export function InvoicesPage() {
  return (
    <Routes>
      <Route index element={<InvoiceList />} />
      <Route path=":id" element={<InvoiceScreen />} />
    </Routes>
  );
}
