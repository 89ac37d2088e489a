import { Route, Routes } from 'react-router';
import { BuyerDetail } from './BuyerDetail';
import { BuyerEditor } from './BuyerEditor';
import { BuyerList } from './BuyerList';

/** /buyers (list and search), /buyers/new, /buyers/:id (card and timeline), /buyers/:id/edit. */
export function BuyersPage() {
  return (
    <Routes>
      <Route index element={<BuyerList />} />
      <Route path="new" element={<BuyerEditor />} />
      <Route path=":id" element={<BuyerDetail />} />
      <Route path=":id/edit" element={<BuyerEditor />} />
    </Routes>
  );
}
