import type { Pack } from './manifest';

/** `papercut-bridge packs`: what each pack maps and how it is tuned. */
export function packsText(packs: readonly Pack[], json: boolean): string[] {
  if (json) {
    const shown = packs.map(({ name, system, version, covers, dialects, options, features }) => ({
      name,
      system,
      version,
      covers,
      dialects,
      options,
      features: Object.fromEntries(Object.entries(features).map(([key, { description }]) => [key, description])),
    }));
    return [JSON.stringify(shown, null, 2)];
  }
  const lines: string[] = [];
  for (const pack of packs) {
    lines.push(`${pack.name} ${pack.version}: ${pack.system}, ${pack.covers}; ${pack.dialects.join(', ')}`);
    for (const [name, option] of Object.entries(pack.options)) {
      const kind = option.type === 'choice' ? option.choices!.join(' | ') : option.type;
      lines.push(`  --option ${name}=… (${kind}, default ${option.default || 'empty'}): ${option.description}`);
    }
    for (const [name, feature] of Object.entries(pack.features)) {
      lines.push(`  when present, ${name}: ${feature.description}`);
    }
  }
  if (!packs.length) lines.push('no packs are installed');
  lines.push('Use one: papercut-bridge migrate make papercut_views --pack NAME [--option KEY=VALUE]...');
  return lines;
}
