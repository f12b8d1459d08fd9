/**
 * Whether a licence carries Creative Commons NonCommercial terms (DermINO_Base is CC-BY-NC-ND 4.0): such weights,
 * and the models fine-tuned from them, may not serve a clinical or commercial service.
 */
export function isNonCommercial(licence: string | null | undefined): boolean {
  return typeof licence === 'string' && /(^|[^a-z])nc([^a-z]|$)|non-?commercial/i.test(licence);
}
