import { useTranslation } from 'react-i18next';
import { countryName } from '../../lib/countries';

/** A buyer as lists and record screens name it: the company (in its own script), then its country in the UI language. */
export function BuyerName({ buyer }: { buyer: { company: string; country: string } }) {
  const { i18n } = useTranslation();
  return (
    <span>
      <bdi>{buyer.company}</bdi> <span className="sk-nowrap" style={{ color: '#595959', fontSize: 12 }}>· {countryName(buyer.country, i18n.language)}</span>
    </span>
  );
}
