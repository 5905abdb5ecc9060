import { useState } from 'react';
import { roleAtLeast } from '../../../../src/core/routes.ts';
import { useChannel, useRoutesAvailable } from '../../api/queries.ts';
import { useChannelName } from '../../app/channel.layout.tsx';
import { ErrorNotice, Loading, NotAvailable } from '../../components/states.tsx';
import { Tabs } from '../../components/tabs.tsx';
import { MODERATION_ROUTES } from './moderation.api.ts';
import { ValidityContext } from './moderation.controls.tsx';
import { ModerationLog } from './moderation.log.tsx';
import { useSettingsDraft } from './settings.draft.ts';
import { EscalationSection, FiltersSection, LinksSection, WordsSection } from './settings.sections.tsx';

const TABS = [
  { key: 'log', title: 'Log' },
  { key: 'filters', title: 'Filters' },
  { key: 'words', title: 'Word lists' },
  { key: 'links', title: 'Links' },
  { key: 'escalation', title: 'Escalation' },
] as const;
type Tab = (typeof TABS)[number]['key'];

export function ModerationPage() {
  const channel = useChannelName();
  const role = useChannel(channel).data?.role ?? 'viewer';
  const [tab, setTab] = useState<Tab>('log');
  const logServed = useRoutesAvailable(MODERATION_ROUTES.log);
  const settingsServed = useRoutesAvailable(MODERATION_ROUTES.settings);
  const saveServed = useRoutesAvailable(MODERATION_ROUTES.saveSettings);
  const canSave = roleAtLeast(role, 'editor') && saveServed === true;
  const draft = useSettingsDraft(channel, settingsServed === true);
  const sectionProps = draft.current ? { settings: draft.current, set: draft.set } : null;

  let body;
  if (tab === 'log') {
    body = logServed === undefined ? <Loading what="the moderation log" /> : logServed ? <ModerationLog channel={channel} canUndo={roleAtLeast(role, 'moderator')} /> : <NotAvailable what="The moderation log" />;
  } else if (settingsServed === false) {
    body = <NotAvailable what="Moderation settings" />;
  } else if (draft.saved.isError) {
    body = <ErrorNotice error={draft.saved.error} retry={() => void draft.saved.refetch()} />;
  } else if (!sectionProps) {
    body = <Loading what="moderation settings" />;
  } else {
    body = (
      // A new revision (after a save or discard) remounts the fields, so what they hold as typed starts over.
      <fieldset key={draft.revision} disabled={!canSave} className="plain">
        {tab === 'filters' && <FiltersSection {...sectionProps} />}
        {tab === 'words' && <WordsSection {...sectionProps} />}
        {tab === 'links' && <LinksSection {...sectionProps} />}
        {tab === 'escalation' && <EscalationSection {...sectionProps} />}
      </fieldset>
    );
  }

  return (
    <section className="page" aria-labelledby="moderation-title">
      <h1 id="moderation-title">Moderation</h1>
      <ValidityContext.Provider value={draft.report}>
        <Tabs label="Moderation" tabs={TABS} active={tab} onChange={setTab}>
          <div className="card">{body}</div>
        </Tabs>
      </ValidityContext.Provider>
      {(draft.dirty || draft.save.isError) && (
        <div className="save-bar" role="region" aria-label="Unsaved moderation settings">
          {draft.save.isError ? <ErrorNotice error={draft.save.error} /> : <span>You have unsaved changes.</span>}
          {draft.invalid.size > 0 && <span className="field-error">Fix the marked fields first.</span>}
          <div className="row">
            <button type="button" className="button button-ghost" onClick={draft.discard}>
              Discard
            </button>
            <button type="button" className="button button-primary" disabled={draft.invalid.size > 0 || draft.save.isPending} onClick={() => draft.save.mutate()}>
              {draft.save.isPending ? 'Saving…' : 'Save'}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
