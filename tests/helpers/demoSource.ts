import { demoDocument } from './demoModel';
import type { DocumentModel } from '../../main/documents/model';
import type { DocumentRef, DocumentSource } from '../../main/documents/source';
import { AppError, m } from '../../main/errors/apiError';

/**
 * A document source over demo documents made in advance (the quotes area
 * provides the real one): quotation id 1 "JH-Q2026-0042", PI id 1 "JH-PI2026-0017" (issued).
 */
export async function demoSource(dir: string): Promise<DocumentSource & { models: Record<'quotation' | 'proforma', DocumentModel> }> {
  const models = {
    quotation: await demoDocument({ dir, kind: 'quotation', lines: 6, buyer: 'ar' }),
    proforma: await demoDocument({ dir, kind: 'proforma', lines: 6, buyer: 'ru' }),
  };
  const ref = (kind: 'quotation' | 'proforma'): DocumentRef => ({ model: models[kind], issued: kind === 'proforma', id: 1 });
  return {
    models,
    byId(_core, kind, id) {
      if (id !== 1) throw new AppError('not_found', m('errors.text', { text: `No document ${id}` }), 'id');
      return ref(kind === 'quotation' ? 'quotation' : 'proforma');
    },
    byNumber(_core, number) {
      const kind = number === models.quotation.number ? 'quotation' : number === models.proforma.number ? 'proforma' : null;
      if (!kind) throw new AppError('not_found', m('errors.text', { text: `There is no quotation or PI ${number}` }), 'number');
      return ref(kind);
    },
  };
}
