import { describe, expect, it } from 'vitest';
import { isValidBankCard, isValidResidentId, isValidResidentId15, isValidUscc, luhnValid, residentIdCheckChar, usccCheckChar } from '#domain/secrecy/checksums';
import { bankCard, residentId, residentIdBadCheck, uscc } from '../../../fixtures/documents/identifiers';

describe('GB 11643 resident ID', () => {
  it('computes the published example check character (11010519491231002X)', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
  });

  it('rejects a wrong check character, an impossible date and an unknown province', () => {
    expect(isValidResidentId(residentIdBadCheck())).toBe(false);
    const feb30 = '110105' + '19900230' + '123';
    expect(isValidResidentId(feb30 + residentIdCheckChar(feb30))).toBe(false);
    const province99 = '990105' + '19900307' + '123';
    expect(isValidResidentId(province99 + residentIdCheckChar(province99))).toBe(false);
  });

  it('accepts 29 February only in leap years', () => {
    expect(isValidResidentId(residentId('440305', '20000229', '001'))).toBe(true);
    const notLeap = '440305' + '19000229' + '001';
    expect(isValidResidentId(notLeap + residentIdCheckChar(notLeap))).toBe(false);
  });

  it('validates old 15-digit IDs by region and date', () => {
    expect(isValidResidentId15('320102650415021')).toBe(true);
    expect(isValidResidentId15('320102651315021')).toBe(false);
    expect(isValidResidentId15('000102650415021')).toBe(false);
  });
});

describe('Luhn and bank-card plausibility', () => {
  it('validates Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('needs a plausible issuer prefix and length as well', () => {
    expect(isValidBankCard(bankCard('622202', 19))).toBe(true);
    expect(isValidBankCard(bankCard('4', 16))).toBe(true);
    expect(isValidBankCard(bankCard('7', 16))).toBe(false);
    expect(isValidBankCard(bankCard('51', 19))).toBe(false);
  });
});

describe('GB 32100 unified social credit code', () => {
  it('validates a generated code and rejects a wrong check character', () => {
    const code = uscc();
    expect(isValidUscc(code)).toBe(true);
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(isValidUscc(wrong)).toBe(false);
  });

  it('refuses the letters I, O, Z, S and V', () => {
    expect(usccCheckChar('91110108MA01ABCDI')).toBeUndefined();
    expect(isValidUscc('91110108MA01OBCD2X')).toBe(false);
  });

  it('accepts a published-format example', () => {
    // Well-known sample from GB 32100 explanations.
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });
});
