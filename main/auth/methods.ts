import { z } from 'zod';
import { owner, staff } from '../api/method';
import { ownerPinSchema } from './pin';
import * as auth from './service';

const id = z.number().int().positive();

/** The owner PIN and who is calling (area auth). */
export const authMethods = {
  'auth.status': staff('Who is calling (owner or staff), whether an owner PIN is set, and until when the owner unlock lasts.', z.strictObject({}), (_input, { core, session }) => auth.status(core, session), { readOnly: true, passive: true }),
  'auth.unlock': staff('Enters the owner PIN at this seat (the shop PC, or a device the owner allowed): owner until idle for the timeout. Wrong PINs are rate-limited.', z.strictObject({ pin: ownerPinSchema }), (input, { core, session }) => auth.unlock(core, session, input.pin)),
  'auth.lock': staff('Locks the owner out at this seat: staff again until the PIN is entered.', z.strictObject({}), (_input, { core, session }) => auth.lock(core, session)),
  'auth.setOwnerPin': owner('Sets the owner PIN (4–8 digits); changing it needs the current PIN.', z.strictObject({ pin: ownerPinSchema, currentPin: ownerPinSchema.optional() }), (input, { core, session }) => auth.setOwnerPin(core, session, input.pin, input.currentPin)),
  'auth.removeOwnerPin': owner('Removes the owner PIN (needs it): the shop PC is the owner again without asking.', z.strictObject({ currentPin: ownerPinSchema }), (input, { core, session }) => auth.removeOwnerPin(core, session, input.currentPin)),
  'auth.setIdleMinutes': owner('How long the owner unlock lasts without use (1–240 minutes).', z.strictObject({ minutes: z.number().int().min(1).max(240) }), (input, { core, session }) => auth.setIdleMinutes(core, session, input.minutes)),
};

/** The local-network mode: the listener, pairing and paired devices (area network). */
export const networkMethods = {
  'network.status': owner('The local-network switch, the addresses devices can open, the open pairing PIN with its QR code, and the paired devices.', z.strictObject({}), (_input, { core }) => auth.networkStatus(core), { readOnly: true, passive: true, kind: 'async' }),
  'network.setEnabled': owner('Turns the local-network mode on or off (saved; applied at once by the running app).', z.strictObject({ enabled: z.boolean() }), (input, { core }) => auth.setLanEnabled(core, input.enabled), { kind: 'async' }),
  'network.startPairing': owner('Opens pairing for one device: a 6-digit PIN valid for ten minutes, with a QR code of the address.', z.strictObject({}), (_input, { core }) => auth.startPairing(core), { kind: 'async' }),
  'network.stopPairing': owner('Closes pairing (the PIN stops working).', z.strictObject({}), (_input, { core }) => auth.stopPairing(core), { kind: 'async' }),
  'network.revokeDevice': owner('Revokes a paired device: its token stops working at once.', z.strictObject({ id }), (input, { core }) => {
      auth.revokeDevice(core, input.id);
      return { revoked: input.id };
    }),
  'network.allowOwner': owner('Allows (or stops allowing) the owner PIN on a paired device; without it the device is always staff.', z.strictObject({ id, allow: z.boolean() }), (input, { core }) => {
      auth.allowOwnerOnDevice(core, input.id, input.allow);
      return { id: input.id, allowOwner: input.allow };
    }),
};
