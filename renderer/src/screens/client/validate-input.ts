import type { PlainInput, ChoiceInput } from '../../../../shared/guides/index.ts';

/** Why a value is refused, as the key (and params) of its message; null when it is fine. */
export interface Invalid {
  key: string;
  /** True when `key` is in the guide's namespace rather than `app`. */
  fromGuide: boolean;
  params?: Record<string, number>;
}

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

export function validateInput(def: PlainInput | ChoiceInput, raw: string): Invalid | null {
  const value = raw.trim();
  if (!value) return def.required ? { key: 'app:input.required', fromGuide: false } : null;
  if (def.kind === 'choice') {
    return def.options.some((o) => o.value === value)
      ? null
      : { key: 'app:input.unknownChoice', fromGuide: false };
  }
  if (def.maxLength !== undefined && value.length > def.maxLength) {
    return { key: 'app:input.tooLong', fromGuide: false, params: { max: def.maxLength } };
  }
  if (def.pattern && !new RegExp(def.pattern).test(value)) {
    return def.patternMessageKey
      ? { key: def.patternMessageKey, fromGuide: true }
      : { key: 'app:input.invalidFormat', fromGuide: false };
  }
  if (def.kind === 'url' && !isUrl(value)) return { key: 'app:input.invalidUrl', fromGuide: false };
  if (def.kind === 'email' && !emailShape.test(value)) {
    return { key: 'app:input.invalidEmail', fromGuide: false };
  }
  return null;
}
