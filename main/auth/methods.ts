import { z } from 'zod';
import { method } from '../api/method';
import { ownerPinSchema } from './pin';
import * as auth from './service';

const id = z.number().int().positive();

/** The owner PIN and who is calling (area auth). */
export const authMethods = {
  'auth.status': method({
    summary: 'Who is calling (owner or staff), whether an owner PIN is set, and until when the owner unlock lasts.',
    access: 'staff',
    readOnly: true,
    passive: true,
    input: z.strictObject({}),
    handler: (_input, { core, session }) => auth.status(core, session),
  }),
  'auth.unlock': method({
    summary: 'Enters the owner PIN at this seat (the shop PC, or a device the owner allowed): owner until idle for the timeout. Wrong PINs are rate-limited.',
    access: 'staff',
    input: z.strictObject({ pin: ownerPinSchema }),
    handler: (input, { core, session }) => auth.unlock(core, session, input.pin),
  }),
  'auth.lock': method({
    summary: 'Locks the owner out at this seat: staff again until the PIN is entered.',
    access: 'staff',
    input: z.strictObject({}),
    handler: (_input, { core, session }) => auth.lock(core, session),
  }),
  'auth.setOwnerPin': method({
    summary: 'Sets the owner PIN (4–8 digits); changing it needs the current PIN.',
    access: 'owner',
    input: z.strictObject({ pin: ownerPinSchema, currentPin: ownerPinSchema.optional() }),
    handler: (input, { core, session }) => auth.setOwnerPin(core, session, input.pin, input.currentPin),
  }),
  'auth.removeOwnerPin': method({
    summary: 'Removes the owner PIN (needs it): the shop PC is the owner again without asking.',
    access: 'owner',
    input: z.strictObject({ currentPin: ownerPinSchema }),
    handler: (input, { core, session }) => auth.removeOwnerPin(core, session, input.currentPin),
  }),
  'auth.setIdleMinutes': method({
    summary: 'How long the owner unlock lasts without use (1–240 minutes).',
    access: 'owner',
    input: z.strictObject({ minutes: z.number().int().min(1).max(240) }),
    handler: (input, { core, session }) => auth.setIdleMinutes(core, session, input.minutes),
  }),
};

/** The local-network mode: the listener, pairing and paired devices (area network). */
export const networkMethods = {
  'network.status': method({
    summary: 'The local-network switch, the addresses devices can open, the open pairing PIN with its QR code, and the paired devices.',
    access: 'owner',
    readOnly: true,
    passive: true,
    kind: 'async',
    input: z.strictObject({}),
    handler: (_input, { core }) => auth.networkStatus(core),
  }),
  'network.setEnabled': method({
    summary: 'Turns the local-network mode on or off (saved; applied at once by the running app).',
    access: 'owner',
    kind: 'async',
    input: z.strictObject({ enabled: z.boolean() }),
    handler: (input, { core }) => auth.setLanEnabled(core, input.enabled),
  }),
  'network.startPairing': method({
    summary: 'Opens pairing for one device: a 6-digit PIN valid for ten minutes, with a QR code of the address.',
    access: 'owner',
    kind: 'async',
    input: z.strictObject({}),
    handler: (_input, { core }) => auth.startPairing(core),
  }),
  'network.stopPairing': method({
    summary: 'Closes pairing (the PIN stops working).',
    access: 'owner',
    kind: 'async',
    input: z.strictObject({}),
    handler: (_input, { core }) => auth.stopPairing(core),
  }),
  'network.revokeDevice': method({
    summary: 'Revokes a paired device: its token stops working at once.',
    access: 'owner',
    input: z.strictObject({ id }),
    handler: (input, { core }) => {
      auth.revokeDevice(core, input.id);
      return { revoked: input.id };
    },
  }),
  'network.allowOwner': method({
    summary: 'Allows (or stops allowing) the owner PIN on a paired device; without it the device is always staff.',
    access: 'owner',
    input: z.strictObject({ id, allow: z.boolean() }),
    handler: (input, { core }) => {
      auth.allowOwnerOnDevice(core, input.id, input.allow);
      return { id: input.id, allowOwner: input.allow };
    },
  }),
};
