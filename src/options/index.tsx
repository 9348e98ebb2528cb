/** Options entry: renders the view and re-reads on every settings change (from here or elsewhere). */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { applyLocale } from '../popup/browser-locale';
import { I18n } from '../popup/i18n';
import { onSettingsChanged } from '../shared/settings';
import { onDismissedChanged } from '../shared/dismissed-client';
import { loadOptions, optionsActions } from './connector';
import type { OptionsData } from './model';
import { Options } from './Options';
import './options.css';

function App() {
  const [data, setData] = useState<OptionsData | null>(null);
  const reload = useMemo(
    () => (status: OptionsData['status'] = null) => {
      loadOptions(status).then(setData, (error: unknown) => console.error('Backstory options:', error));
    },
    [],
  );
  const actions = useMemo(() => optionsActions(reload), [reload]);
  useEffect(() => {
    reload();
    const stop = new AbortController();
    onSettingsChanged(() => reload(), stop.signal);
    onDismissedChanged(() => reload(), stop.signal);
    return () => stop.abort();
  }, [reload]);
  return data ? <Options data={data} actions={actions} /> : null;
}

const locale = applyLocale('options_title');
const root = document.getElementById('root');
if (root)
  render(
    <I18n.Provider value={locale}>
      <App />
    </I18n.Provider>,
    root,
  );
