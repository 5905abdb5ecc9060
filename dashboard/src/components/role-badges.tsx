import type { Role } from '../api/types.ts';

const LABELS: Record<Role, { short: string; name: string }> = {
  broadcaster: { short: 'B', name: 'Broadcaster' },
  moderator: { short: 'M', name: 'Moderator' },
  vip: { short: 'V', name: 'VIP' },
  subscriber: { short: 'S', name: 'Subscriber' },
  founder: { short: 'F', name: 'Founder' },
};

/** Twitch role badges as short labelled chips. */
export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  if (roles.length === 0) return null;
  return (
    <span className="badges">
      {roles.map((role) => (
        <span key={role} className={`badge badge-${role}`} title={LABELS[role].name} aria-label={LABELS[role].name}>
          {LABELS[role].short}
        </span>
      ))}
    </span>
  );
}
