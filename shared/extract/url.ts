/** Query parameters that only track a click or a campaign; never part of an article's identity. */
const TRACKING_EXACT = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id', 'igshid',
  'mc_cid', 'mc_eid', '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'rb_clickid',
  'ref_src', 'ref_url', 'cmpid', 'ocid', 'smid', 'smtyp', 'sr_share', 'ito', 'icid', 'ns_mchannel', 'ns_source',
  'ns_campaign', 'ns_linkname', 'ns_fee', 'spm', 'intcmp', 'xtor', 'at_medium', 'at_campaign',
  's_cid', 'wt.mc_id', 'fb_action_ids', 'fb_action_types', 'fb_source', 'action_object_map', 'action_type_map',
  'action_ref_map', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 'soc_src', 'soc_trk',
]);
const TRACKING_PREFIX = /^(utm_|pk_|mtm_|hsa_|ga_|matomo_|stm_|__s|ir_)/;

/**
 * Resolves a URL against a base and removes tracking parameters and the fragment, so
 * the same article reached from a newsletter, a tweet or a search ad has one URL.
 * Returns null for anything that is not http(s).
 *
 * @example cleanUrl('https://x.test/a?utm_source=tw&id=3#top') // 'https://x.test/a?id=3'
 */
export function cleanUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    const k = key.toLowerCase();
    if (TRACKING_EXACT.has(k) || TRACKING_PREFIX.test(k)) url.searchParams.delete(key);
  }
  if ([...url.searchParams.keys()].length === 0) url.search = '';
  return url.toString();
}

/** Resolves a possibly relative URL (images); null when it cannot be made absolute http(s). */
export function absoluteUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (!raw) return null;
  try {
    const url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
