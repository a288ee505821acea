import { deliveryId } from './delivery-id';

describe('the delivery id', () => {
  it('is a version 5 UUID, the same for the same entry of the same department', () => {
    expect(deliveryId('mandates', 42)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deliveryId('mandates', 42)).toBe(deliveryId('mandates', 42));
  });

  it('differs between entries and between departments', () => {
    const ids = new Set([deliveryId('mandates', 42), deliveryId('mandates', 43), deliveryId('investments', 42), deliveryId('mandates', 4), deliveryId('mandates4', 2)]);
    expect(ids.size).toBe(5);
  });
});
