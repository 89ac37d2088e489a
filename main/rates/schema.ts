import { z } from 'zod';
import { because } from '../errors/validation';
import { m } from '../errors/apiError';
import { decimalInput } from '../money/schema';
import { isCalendarDate } from '../calendar/dates';

/** CNY per 1 unit of a currency, up to 8 decimals ("7.1234", "0.0048"). */
export const rateInput = decimalInput(8, { min: 0.00000001, max: 100_000 });

/** A calendar date, YYYY-MM-DD. */
export const dateInput = z.string().trim().refine(isCalendarDate, because(m('rates.notDateYyyyMm')));
