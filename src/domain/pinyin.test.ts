import { describe, expect, it } from 'vitest';
import { isPinyinQuery, nameKeys } from './pinyin.js';

describe('nameKeys', () => {
  it.each([
    ['张三', 'zhangsan', 'zs'],
    ['张 三', 'zhangsan', 'zs'],
    // polyphonic surnames read as surnames
    ['单雄信', 'shanxiongxin', 'sxx'],
    ['曾国藩', 'zengguofan', 'zgf'],
    ['欧阳修', 'ouyangxiu', 'oyx'],
    ['吕布', 'lvbu', 'lb'],
    // minority names with the separator
    ['阿依古丽·买买提', 'ayigulimaimaiti', 'ayglmmt'],
  ])('%s → %s / %s', (name, namePinyin, nameInitials) => expect(nameKeys(name)).toEqual({ namePinyin, nameInitials }));
});

describe('isPinyinQuery', () => {
  it.each([
    ['zs', true],
    ['ZhangS', true],
    ['张', false],
    ['zhang三', false],
    ['', false],
  ])('%s → %s', (q, yes) => expect(isPinyinQuery(q)).toBe(yes));
});
