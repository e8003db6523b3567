import express from 'express';
import {
  Kind,
  getOperationAST,
  parse,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationTypeNode,
  type SelectionSetNode,
} from 'graphql';
import { ErrorCode } from '../errors';
import type { GraphQLHttpRequest, HttpStep } from './httpStep';
import { errorBody, sendJson } from './jsonErrors';

/**
 * The `@link` identity of the directive a root field declares a larger body
 * limit with (`@requestBodyLimit(bytes: Int!) on FIELD_DEFINITION`); any
 * version of it, under whatever name the schema imports it as.
 */
export const REQUEST_BODY_LIMIT_SPEC = 'smartcart:/requestBodyLimit';
const DIRECTIVE = 'requestBodyLimit';

type OperationType = `${OperationTypeNode}`;

/** Root fields that declared a body limit, by operation type: `query` → `recommend` → 5600000. */
export type DeclaredBodyLimits = Record<OperationType, ReadonlyMap<string, number>>;

export const NO_DECLARED_LIMITS: DeclaredBodyLimits = { query: new Map(), mutation: new Map(), subscription: new Map() };

/** The name the document gives the directive: the one its `@link` to the spec imports, or none. */
function importedDirectiveName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const url = link.arguments?.find((a) => a.name.value === 'url')?.value;
      if (url?.kind !== Kind.STRING || !url.value.startsWith(`${REQUEST_BODY_LIMIT_SPEC}/v`)) continue;
      const imports = link.arguments?.find((a) => a.name.value === 'import')?.value;
      if (imports?.kind !== Kind.LIST) continue;
      for (const entry of imports.values) {
        if (entry.kind === Kind.STRING && entry.value === `@${DIRECTIVE}`) return DIRECTIVE;
        if (entry.kind !== Kind.OBJECT) continue;
        const field = (name: string) => entry.fields.find((f) => f.name.value === name)?.value;
        const name = field('name');
        const as = field('as');
        if (name?.kind === Kind.STRING && name.value === `@${DIRECTIVE}`) return as?.kind === Kind.STRING ? as.value.replace(/^@/, '') : DIRECTIVE;
      }
    }
  }
  return undefined;
}

function bytesOf(directive: DirectiveNode): number | undefined {
  const value = directive.arguments?.find((a) => a.name.value === 'bytes')?.value;
  if (value?.kind !== Kind.INT) return undefined;
  const bytes = Number(value.value);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/**
 * The body limits a schema's root fields declare, read from its SDL: a
 * subgraph's own schema file or the supergraph the gateway serves (composition
 * carries the directive over with `@composeDirective`). Nothing is assumed
 * about which types or fields exist: a schema without the directive declares
 * nothing, and every operation then has the default limit.
 */
export function declaredBodyLimits(document: DocumentNode): DeclaredBodyLimits {
  const directive = importedDirectiveName(document);
  if (!directive) return NO_DECLARED_LIMITS;
  const rootTypes = new Map<string, OperationType>([['Query', 'query'], ['Mutation', 'mutation'], ['Subscription', 'subscription']]);
  const schemaTypes = document.definitions.flatMap((d) => (d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION ? (d.operationTypes ?? []) : []));
  if (schemaTypes.length > 0) {
    rootTypes.clear();
    for (const { operation, type } of schemaTypes) rootTypes.set(type.name.value, operation);
  }
  const limits = { query: new Map<string, number>(), mutation: new Map<string, number>(), subscription: new Map<string, number>() };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const operation = rootTypes.get(definition.name.value);
    if (!operation) continue;
    for (const field of definition.fields ?? []) {
      const declared = field.directives?.find((d) => d.name.value === directive);
      const bytes = declared && bytesOf(declared);
      if (bytes !== undefined) limits[operation].set(field.name.value, bytes);
    }
  }
  return limits;
}

/** Every root field name an operation selects, through fragments (skipped or not: a client could include them). */
function rootFieldNames(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...rootFieldNames(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      // An unknown fragment: the operation is invalid anyway; the default limit decides.
      if (!fragment) names.push('');
      else names.push(...rootFieldNames(fragment.selectionSet, fragments, seen));
    }
  }
  return names;
}

export interface RequestBodyLimitOptions {
  /** HTTP_MAX_BODY_BYTES: what any operation may send. */
  maxBodyBytes: number;
  /** HTTP_MAX_OPERATION_BODY_BYTES: what no operation may exceed, whatever it declares; refused before reading. */
  maxOperationBodyBytes: number;
  /** The declared limits, asked per request (the gateway's change with its supergraph). */
  declared: () => DeclaredBodyLimits;
  /** Tokens a large body's query is parsed with at most (the gateway's GATEWAY_MAX_TOKENS). */
  maxTokens?: number;
}

/**
 * A request body's limit follows its operation: HTTP_MAX_BODY_BYTES unless
 * every root field the operation selects declares more (`@requestBodyLimit`),
 * never above HTTP_MAX_OPERATION_BODY_BYTES.
 *
 * A body is read up to the largest limit any operation of the schema has (on
 * a service whose schema declares nothing, HTTP_MAX_BODY_BYTES: refused before
 * reading, from Content-Length, as always), then, when it is larger than
 * HTTP_MAX_BODY_BYTES, its operation is looked at. The size compared is the
 * bytes counted while reading (after any Content-Encoding), never a header.
 */
export class RequestBodyLimits {
  private readonly parsers = new Map<number, HttpStep>();
  /** readLimit's answer for the declared limits it was last asked with (the same object until the gateway's supergraph changes). */
  private readLimitOf: { declared: DeclaredBodyLimits; limit: number } | undefined;

  constructor(private readonly options: RequestBodyLimitOptions) {}

  /** The most any operation of the current schema may send: what is read before the operation is known. */
  readLimit(): number {
    const declared = this.options.declared();
    // Asked on every request: worked out again only when `declared` hands over other limits.
    if (this.readLimitOf?.declared === declared) return this.readLimitOf.limit;
    const { maxBodyBytes, maxOperationBodyBytes } = this.options;
    let largest = maxBodyBytes;
    for (const fields of Object.values(declared)) for (const bytes of fields.values()) largest = Math.max(largest, bytes);
    const limit = Math.min(largest, Math.max(maxBodyBytes, maxOperationBodyBytes));
    this.readLimitOf = { declared, limit };
    return limit;
  }
  /** One root field's limit: what it declares, at least the default, at most the hard cap. */
  private fieldLimit(operation: OperationType, field: string, declared: DeclaredBodyLimits): number {
    const { maxBodyBytes, maxOperationBodyBytes } = this.options;
    const bytes = declared[operation].get(field);
    return bytes === undefined ? maxBodyBytes : Math.max(maxBodyBytes, Math.min(bytes, maxOperationBodyBytes));
  }

  /** The limit of one GraphQL request (`{ query, operationName }`): the smallest of its root fields'. */
  private requestLimit(request: unknown, declared: DeclaredBodyLimits): number {
    const { maxBodyBytes } = this.options;
    if (typeof request !== 'object' || request === null) return maxBodyBytes;
    const { query, operationName } = request as { query?: unknown; operationName?: unknown };
    // A persisted query sent by its hash alone has no text to read its fields from: the default.
    if (typeof query !== 'string') return maxBodyBytes;
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true, maxTokens: this.options.maxTokens ?? 100_000 });
    } catch {
      return maxBodyBytes;
    }
    const operation = getOperationAST(document, typeof operationName === 'string' ? operationName : undefined);
    if (!operation) return maxBodyBytes;
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const fields = rootFieldNames(operation.selectionSet, fragments);
    if (fields.length === 0) return maxBodyBytes;
    return Math.min(...fields.map((field) => this.fieldLimit(operation.operation, field, declared)));
  }

  /**
   * What a parsed body may weigh: the default, or more when every root field
   * of its operation allows more. A batch is allowed what its most limited
   * operation is (the body is one, whatever it carries).
   */
  limitOf(body: unknown): number {
    const declared = this.options.declared();
    if (Array.isArray(body)) return body.length === 0 ? this.options.maxBodyBytes : Math.min(...body.map((request) => this.requestLimit(request, declared)));
    return this.requestLimit(body, declared);
  }

  /**
   * The JSON body up to the read limit, keeping the exact bytes on
   * `req.rawBody` (the internal signature's body hash, the size checked by
   * `enforce`). A body over the read limit is refused (jsonErrors.ts answers
   * 413). What nearly every client sends (plain UTF-8 JSON of a stated
   * length) is read here; anything else (compressed, chunked, another
   * charset or type) by express.json, which knows every such case.
   */
  parseJson(): HttpStep {
    return (req, res, next) => {
      const limit = this.readLimit();
      // Announced too large: answered at once and the connection closed, rather
      // than the parser's way (draining the whole body before refusing it). Only
      // for an unencoded body, whose Content-Length is the size that counts.
      const length = Number(req.headers['content-length']);
      const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (Number.isSafeInteger(length) && length > limit && encoding === 'identity') {
        res.setHeader('connection', 'close');
        sendJson(res, 413, errorBody(`Request body is ${length} bytes, above the ${limit} any operation may send`, ErrorCode.PAYLOAD_TOO_LARGE, { maxBytes: limit }));
        return;
      }
      if (encoding === 'identity' && Number.isSafeInteger(length) && length >= 0 && PLAIN_JSON.test(req.headers['content-type'] ?? '')) {
        readPlainJson(req, length, next);
        return;
      }
      let parser = this.parsers.get(limit);
      if (!parser) {
        parser = express.json({
          limit,
          verify: (request, _res, buf) => {
            (request as GraphQLHttpRequest).rawBody = buf;
          },
        }) as unknown as HttpStep;
        this.parsers.set(limit, parser);
      }
      parser(req, res, next);
    };
  }

  /** After parsing: a body above HTTP_MAX_BODY_BYTES passes only when its operation allows its size. */
  enforce(): HttpStep {
    return (req, res, next) => {
      const size = req.rawBody?.length ?? 0;
      if (size <= this.options.maxBodyBytes) {
        next();
        return;
      }
      const limit = this.limitOf(req.body);
      if (size <= limit) {
        next();
        return;
      }
      sendJson(res, 413, errorBody(`Request body is ${size} bytes, above the ${limit} this operation may send`, ErrorCode.PAYLOAD_TOO_LARGE, { maxBytes: limit }));
    };
  }
}

/**
 * The Content-Type express.json would read as UTF-8 JSON: `application/json`,
 * with no parameter or a UTF-8 charset. Anything else goes to express.json.
 */
const PLAIN_JSON = /^application\/json[ \t]*(?:;[ \t]*charset=(?:utf-8|"utf-8")[ \t]*)?$/i;

/** A parse failure, as body-parser reports it (jsonErrors.ts answers 400). */
function notJson(): Error {
  return Object.assign(new SyntaxError('Request body is not valid JSON'), { status: 400, type: 'entity.parse.failed' });
}

/**
 * Reads a UTF-8 JSON body of `length` bytes (already known to be within the
 * read limit) and parses it as express.json does: a leading BOM dropped, an
 * empty body read as `{}`, anything but an object or array refused.
 */
function readPlainJson(req: GraphQLHttpRequest, length: number, next: (error?: unknown) => void): void {
  const chunks: Buffer[] = [];
  let received = 0;
  let settled = false;
  const settle = (error?: unknown) => {
    if (settled) return;
    settled = true;
    req.off('data', onData);
    next(error);
  };
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
  };
  req.on('data', onData);
  req.on('error', (error) => settle(Object.assign(error, { status: 400 })));
  // Closed before its end: the client went away (raw-body's "request aborted").
  req.once('close', () => settle(Object.assign(new Error('request aborted'), { status: 400, type: 'request.aborted' })));
  req.once('end', () => {
    if (received !== length) {
      settle(Object.assign(new Error('request size did not match content length'), { status: 400, type: 'request.size.invalid' }));
      return;
    }
    const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received);
    req.rawBody = raw;
    let text = raw.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.length === 0) {
      req.body = {};
      settle();
      return;
    }
    const first = text[0] === '{' || text[0] === '[' ? text[0] : /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d]|$)/.exec(text)?.[1];
    if (first !== '{' && first !== '[') {
      settle(notJson());
      return;
    }
    try {
      req.body = JSON.parse(text);
    } catch {
      settle(notJson());
      return;
    }
    settle();
  });
}
