// The single file's datasets (vite.single.config.ts): every shipped dataset is either inlined or
// asked of the user, and the files the user picks are matched by name.
import { describe, expect, it } from 'vitest';
import { fileNames, PICKED_DATASETS, pickedFile, pickFiles } from '../src/engine/picked-files.ts';
import { INLINED, readShippedFile } from '../src/engine/shipped-source.single.ts';
import { SHIPPED_DATASETS } from '../src/scene/index.ts';

const file = (name: string, text = name) => new File([text], name);

describe('the single file’s datasets', () => {
  it('inlines every shipped dataset it does not ask the user for, and no other', () => {
    for (const dataset of SHIPPED_DATASETS) {
      const inlined = fileNames(dataset).map((name) => name in INLINED);
      const picked = PICKED_DATASETS.includes(dataset);
      expect({ dataset, inlined }).toEqual({ dataset, inlined: inlined.map(() => !picked) });
    }
  });

  it('says where to pick a file that is not here yet', async () => {
    await expect(readShippedFile('fashion-train.nnpd')).rejects.toThrow(
      'fashion-train.nnpd is not inside this one-file playground: download it once and pick it below the dataset tiles',
    );
  });

  it('refuses a file of another dataset by name and takes nothing of that choice', () => {
    expect(() => pickFiles('fashion', [file('fashion-train.nnpd'), file('digits.nnpd')])).toThrow(
      'digits.nnpd is not a file of Fashion-MNIST (10k subset): pick fashion-train.nnpd and fashion-test.nnpd.',
    );
    expect(pickedFile('fashion-train.nnpd')).toBeUndefined();
  });

  it('matches renamed downloads, keeps one until the other comes, and reads them', async () => {
    expect(pickFiles('fashion', [file('Fashion-Test (1).nnpd', 'test rows')])).toEqual([
      'fashion-train.nnpd',
    ]);
    expect(pickFiles('fashion', [file('fashion-train(2).nnpd', 'train rows')])).toEqual([]);
    const bytes = await readShippedFile('fashion-test.nnpd');
    expect(new TextDecoder().decode(bytes)).toBe('test rows');
  });
});
