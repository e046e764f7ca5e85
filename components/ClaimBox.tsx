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
  return (
    <div class={contradicted ? 'cl-claim cl-claim-contradicted' : 'cl-claim cl-claim-confirmed'} role="note">
      <p class="cl-claim-text">
        {contradicted ? (
          <>
            This page says <strong>“{stated}”</strong> — the record says <strong>{claim.record}</strong> ({claim.about}
            ).
          </>
        ) : (
          <>
            This page says <strong>“{stated}”</strong>, which agrees with the record: {claim.record} ({claim.about}).
          </>
        )}
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
