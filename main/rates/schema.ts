import { z } from 'zod';
import { bilingual } from '../errors/validation';
import { decimalInput } from '../money/schema';
import { isCalendarDate } from '../calendar/dates';

/** CNY per 1 unit of a currency, up to 8 decimals ("7.1234", "0.0048"). */
export const rateInput = decimalInput(8, { min: 0.00000001, max: 100_000 });

/** A calendar date, YYYY-MM-DD. */
export const dateInput = z.string().trim().refine(isCalendarDate, bilingual('is not a date (YYYY-MM-DD)', '不是有效日期（YYYY-MM-DD）'));
