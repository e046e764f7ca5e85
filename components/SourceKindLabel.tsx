import { SOURCE_KIND_LABEL, type SourceKind } from '@/facts/source-kinds';

/** The kind of site a source is on ("News", "Official"...), shown before its title. */
export function SourceKindLabel({ kind }: { kind: SourceKind }) {
  return (
    <span class="cl-kind" data-kind={kind} title={`Source kind: ${SOURCE_KIND_LABEL[kind]}`}>
      {SOURCE_KIND_LABEL[kind]}
    </span>
  );
}
