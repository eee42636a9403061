// Client of the JSON API (/api/v1, see /api/v1/openapi.json).

export class APIError extends Error {
  constructor(public status: number, public code: string, message: string) {
    super(message);
  }
}

export async function api<T>(path: string, params?: Record<string, string | number | undefined>): Promise<T> {
  const u = new URL("/api/v1/" + path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== "") u.searchParams.set(k, String(v));
  }
  const resp = await fetch(u.toString(), { headers: { Accept: "application/json" } });
  const body = await resp.json().catch(() => null);
  if (!resp.ok) {
    const e = body && body.error;
    throw new APIError(resp.status, e ? e.code : "http", e ? e.message : `${resp.status} ${resp.statusText} from ${u.pathname}`);
  }
  return body as T;
}

export interface Evidence { article_id: string; start: number; end: number; sentence: number; rule: string; text?: string }
export interface ArticleInfo { id: string; title?: string; source?: string; url?: string; published?: string; lang?: string; status: string; story: number; num_articles: number; num_sources: number }
export interface Actor { name: string; code: string; entity?: string; evidence: Evidence }
export interface Event { id: string; source?: Actor; target?: Actor; cameo: string; plover: string; goldstein: number; quad_class: number; action: Evidence; place?: string; date?: string; polarity: string; modality: string; reported_by?: string }
export interface Quote { id: string; kind: string; content: Evidence; cue?: Evidence; speaker?: Evidence; speaker_entity?: string; speaker_name?: string; via?: Evidence }
export interface Claim { id: string; value: number; low?: number; high?: number; qualifier: string; counted: string; unit?: string; of?: string; as_of?: string; claimed_by: string; part_of?: string; consistency?: string; evidence: Evidence }
export interface Mention { text: string; kind: string; evidence: Evidence }
export interface Entity { id: string; name: string; kind: string; code?: string; role?: string; kb_id?: string; mentions: Mention[] | null }
export interface Place { id: string; name: string; mention: string; country?: string; lat: number; lon: number; feature_type?: string; role: string; evidence: Evidence }
export interface Time { id: string; text: string; from: string; to: string; precision: string; relative: boolean; evidence: Evidence }
export interface Row { article: ArticleInfo; snippet?: string; event?: Event; quote?: Quote; claim?: Claim; entity?: { name: string; kind: string; code?: string; articles: number; mentions: number }; place_name?: string }
export interface Listing { query: string; total: number; total_exact: boolean; limit: number; offset: number; results: Row[] }
export interface StoredArticle {
  info: ArticleInfo;
  article: { id: string; url?: string; source?: string; title?: string; text: string; published?: string; dateline?: string };
  records: { entities: Entity[] | null; places: Place[] | null; times: Time[] | null; quotes: Quote[] | null; claims: Claim[] | null; events: Event[] | null; version: string };
  story_articles?: string[];
}
export interface Facets { sampled: number; fields: Record<string, { value: string; count: number }[]> }
export interface TimeBucket { start: string; articles: number; events: number; quad: number[]; goldstein: number | null }
export interface NetworkNode { id: string; name: string; out: number; in: number; events: number }
export interface ActorLink { source: string; source_name: string; target: string; target_name: string; events: number; goldstein: number; conflict: number }
export interface ClaimPoint { day: string; value: number; low?: number; high?: number; qualifier: string; claimant: string; claim_id: string; article_id: string; source?: string; text: string; conflict: boolean }
export interface ClaimGroup { counted: string; of?: string; claims: number; series: { claimant: string; points: ClaimPoint[] }[]; conflicts: { day: string; a: ClaimPoint; b: ClaimPoint }[] }
