import type { Category } from '@/facts/schema';
import { CATEGORY_STYLE } from './categories';

/** A small colour dot naming an entity's category (decorative: the label is in the title). */
export function CategoryDot({ category }: { category: string }) {
  const style = CATEGORY_STYLE[category as Category] ?? CATEGORY_STYLE.other;
  return <span class="pl-dot" style={{ background: style.tone }} title={style.label} aria-hidden="true" />;
}
