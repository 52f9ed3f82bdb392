import { describe, expect, it } from 'vitest';
import { plainUserText, shownUserText } from '../../../src/discord/views/userText.js';

describe('shownUserText', () => {
  it('shows markdown as typed instead of rendering it', () => {
    expect(shownUserText('**bold** _it_ ~~gone~~ ||spoiler|| `code`', 200)).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`',
    );
    expect(shownUserText('[click](https://evil.example)', 200)).not.toMatch(/(?<!\\)\[click\]\(/);
  });

  it('keeps mentions from rendering: @everyone, @here, users and roles', () => {
    const shown = shownUserText('@everyone @here <@123456789012345678> <@&123456789012345678>', 200);
    expect(shown).not.toMatch(/@(everyone|here)/);
    expect(shown).not.toMatch(/<@&?\d+>/);
    expect(shown).toContain('everyone');
  });

  it('puts everything on one line, so nothing can start a heading, list or quote', () => {
    expect(shownUserText('line one\n# heading\n> quote\n- item', 200)).not.toContain('\n');
  });

  it('cuts very long input to the limit', () => {
    const shown = shownUserText('a*'.repeat(5000), 300);
    expect(shown.length).toBeLessThanOrEqual(300);
    expect(shown.endsWith('…')).toBe(true);
  });
});

describe('plainUserText', () => {
  it('drops mention, channel, emoji and timestamp markup, whose ids would read as figures', () => {
    expect(plainUserText('<@123> <@!45> <@&67> <#89> <:blob:1011> <a:wave:12> <t:1700000000:R> claude faked alignment')).toBe(
      'claude faked alignment',
    );
  });
});
