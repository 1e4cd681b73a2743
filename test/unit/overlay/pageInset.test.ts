// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { insetPage, isSubmitControl } from '@/lib/overlay/pageInset';

describe('the page beside the panel', () => {
  it('gets a margin on the panel’s side, and its own back afterwards', () => {
    const root = document.documentElement;
    root.style.marginRight = '5px';
    const undo = insetPage(document, 'right', 360);
    expect(root.style.getPropertyValue('margin-right')).toBe('360px');
    expect(root.style.getPropertyPriority('margin-right')).toBe('important');
    undo();
    expect(root.style.marginRight).toBe('5px');
    const undoLeft = insetPage(document, 'left', 40);
    expect(root.style.marginLeft).toBe('40px');
    undoLeft();
    expect(root.style.marginLeft).toBe('');
  });
});

describe('the portal’s submit and save buttons', () => {
  it.each([
    ['<button>提交</button>', true],
    ['<button><span>保 存</span></button>', true],
    ['<input type="button" value="提交申报">', true],
    ['<a href="#">暂存</a>', true],
    ['<button>添加</button>', false],
    ['<button>选择文件</button>', false],
    ['<span>提交</span>', false],
  ])('%s → %s', (html, expected) => {
    document.body.innerHTML = html;
    const el = document.body.querySelector('span span, button span, button, input, a, span')!;
    expect(isSubmitControl(el)).toBe(expected);
  });
});
