import { validationProblem } from '@what-if/kit';
import type { NextFunction, Request, Response } from 'express';

const nul = '\u0000';
const message = 'must not contain the NUL character (U+0000)';

function nulFields(value: unknown, path: string, found: string[]): void {
  if (typeof value === 'string') {
    if (value.includes(nul)) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nulFields(item, `${path}/${index}`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulFields(item, `${path}/${key}`, found);
  }
}

/**
 * PostgreSQL's text cannot hold U+0000, so a NUL anywhere in what reaches a query made it fail
 * with a 500 (make fuzz found it in a bio). No field of this service has a use for one: the
 * request is refused with a 400 naming each field before any route runs.
 */
export function refuseNulCharacters(req: Request, _res: Response, next: NextFunction): void {
  const found: string[] = [];
  nulFields(req.body, '/body', found);
  nulFields(req.query, '/query', found);
  if (/%00/.test(req.path)) found.push('/path');
  next(found.length > 0 ? validationProblem(found.map((path) => ({ path, message }))) : undefined);
}
