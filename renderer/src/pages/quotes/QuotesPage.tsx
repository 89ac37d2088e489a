import './quotes.css';
import './quotes-mobile.css';
import { Route, Routes } from 'react-router';
import { QuoteList } from './QuoteList';
import { QuoteScreen } from './QuoteScreen';
import { RatesPage } from './RatesPage';

/** /quotes: the list; /quotes/:id: the quick quote screen; /quotes/rates: exchange rates. */
export function QuotesPage() {
  return (
    <Routes>
      <Route index element={<QuoteList />} />
      <Route path="rates" element={<RatesPage />} />
      <Route path=":id" element={<QuoteScreen />} />
    </Routes>
  );
}
