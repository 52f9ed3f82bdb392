import { ApplicationCommandOptionType as OptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { type Pickable, resolveOption } from '../../../playground/src/optionValues.js';

const pickable: Pickable = {
  channels: [
    { id: '1', name: 'general' },
    { id: '2', name: 'weekly-prompts' },
  ],
  members: [{ id: '9', name: 'ada' }],
};
const resolve = (option: Parameters<typeof resolveOption>[0], text: string, picked?: { name: string; value: string | number }) =>
  resolveOption(option, { text, ...(picked ? { picked } : {}) }, pickable);

describe('composer option values (playground page)', () => {
  it('sends what was picked, or the typed text when nothing was', () => {
    const section = { type: OptionType.String, name: 'section', autocomplete: true };
    expect(resolve(section, '5. Why', { name: '5. Why', value: 'deceptive-alignment' })).toEqual({
      ok: true,
      value: 'deceptive-alignment',
    });
    expect(resolve(section, 'typed text')).toEqual({ ok: true, value: 'typed text' });
  });

  it('types numbers, booleans, channels and fixed choices as Discord would', () => {
    expect(resolve({ type: OptionType.Integer, name: 'seconds' }, '30')).toEqual({ ok: true, value: 30 });
    expect(resolve({ type: OptionType.Integer, name: 'seconds' }, '2.5')).toMatchObject({ ok: false });
    expect(resolve({ type: OptionType.Boolean, name: 'private' }, 'true')).toEqual({ ok: true, value: true });
    expect(resolve({ type: OptionType.Channel, name: 'channel' }, '#weekly')).toEqual({ ok: true, value: '2' });
    const day = {
      type: OptionType.Integer,
      name: 'day',
      choices: [
        { name: 'Monday', value: 1 },
        { name: 'Tuesday', value: 2 },
      ],
    };
    expect(resolve(day, 'tue')).toEqual({ ok: true, value: 2 });
    expect(resolve(day, 'someday')).toEqual({ ok: false, problem: 'day: pick one of Monday, Tuesday' });
  });

  it('asks for a required option and leaves out an empty optional one', () => {
    expect(resolve({ type: OptionType.String, name: 'text', required: true }, ' ')).toEqual({ ok: false, problem: 'text: fill this in' });
    expect(resolve({ type: OptionType.String, name: 'section' }, '')).toEqual({ ok: true, value: undefined });
  });
});
