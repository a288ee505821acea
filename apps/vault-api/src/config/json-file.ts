import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';

/** Reads a settings file a variable names; the error names the variable, never the file's path or contents. */
export function readJsonFile(file: string, variable: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`${variable} cannot be read`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError(`${variable} is not valid JSON`);
  }
}
