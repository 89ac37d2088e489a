import { useTranslation } from 'react-i18next';

/**
 * A product's unit in the UI language, as the documents print it ("pcs" → 个 in Chinese); a unit
 * the catalog does not know stays as stored.
 */
export function useUnitLabel(): (unit: string) => string {
  const { t } = useTranslation('common');
  return (unit: string) => t(`units.${unit}`, { defaultValue: unit });
}
