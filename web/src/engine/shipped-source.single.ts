// Where the single file reads a shipped dataset's file (vite.single.config.ts swaps it in for
// shipped-source.ts): digits and iris are inlined in the file (data: URLs, 160 KB together); the
// datasets of picked-files.ts come from the files the user picked.
import digits from '../../public/data/digits.nnpd?url';
import iris from '../../public/data/iris.nnpd?url';
import { pickedFile } from './picked-files.ts';

/** The inlined files, by their catalogue names. */
export const INLINED: Record<string, string> = { 'digits.nnpd': digits, 'iris.nnpd': iris };

/** The bytes of `file` (a name from SHIPPED_CATALOGUE); throws a message saying what to do. */
export async function readShippedFile(file: string): Promise<ArrayBuffer> {
  const inlined = INLINED[file];
  if (inlined) return (await fetch(inlined)).arrayBuffer();
  const picked = pickedFile(file);
  if (picked) return picked.arrayBuffer();
  throw new Error(
    `${file} is not inside this one-file playground: download it once and pick it below the dataset tiles`,
  );
}
