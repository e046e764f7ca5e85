import { wordVerdict } from '@/facts/claims/wording';
import type { EntityView } from '@/facts/view';
import { SourceKindLabel } from './SourceKindLabel';

interface Props {
  stated: string;
  verdict: string | null;
  claim: NonNullable<EntityView['claim']>;
}

/** "This page says X — the record says Y", with the record's sources. */
export function ClaimBox({ stated, verdict, claim }: Props) {
  const contradicted = verdict === 'contradicted';
  const wording = wordVerdict(stated, contradicted ? 'contradicted' : 'confirmed', claim.record, claim.about);
  return (
    <div class={contradicted ? 'cl-claim cl-claim-contradicted' : 'cl-claim cl-claim-confirmed'} role="note">
      <p class="cl-claim-text">
        {wording.lead} <strong>“{wording.stated}”</strong>
        {wording.link}
        <strong>{wording.record}</strong> ({wording.about}).
      </p>
      <p class="cl-sources">
        {claim.sources.map((source, i) => (
          <a key={i} href={source.url} target="_blank" rel="noopener noreferrer">
            <SourceKindLabel kind={source.kind} />
            {source.title}
          </a>
        ))}
      </p>
    </div>
  );
}
