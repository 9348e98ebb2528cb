/** Popup entry: renders the view from the connector and re-reads whenever settings change. */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { onSettingsChanged } from '../shared/settings';
import { onDismissedChanged } from '../shared/dismissed-client';
import { applyLocale } from './browser-locale';
import { I18n, type UiLocale } from './i18n';
import { loadPopup, popupActions, type Connection } from './connector';
import type { Notice } from './model';
import { Popup } from './Popup';
import { ContentContext } from './content';
import { contentFor } from '../data/content';
import { pickLocale } from '../card/i18n';
import './popup.css';

function App({ locale }: { locale: UiLocale }) {
  const [connection, setConnection] = useState<Connection | null>(null);
  const current = useRef<Connection | null>(null);
  const refresh = useMemo(
    () => (notice: Notice = null) => {
      loadPopup(notice).then(
        (next) => {
          current.current = next;
          setConnection(next);
        },
        (error: unknown) => console.error('Backstory popup:', error),
      );
    },
    [],
  );
  const actions = useMemo(
    () =>
      popupActions(() => {
        if (!current.current) throw new Error('not loaded');
        return current.current;
      }, refresh),
    [refresh],
  );
  useEffect(() => {
    refresh();
    const stop = new AbortController();
    onSettingsChanged(() => refresh(), stop.signal);
    onDismissedChanged(() => refresh(), stop.signal);
    return () => stop.abort();
  }, [refresh]);
  if (!connection) return <p class="muted">{locale.t('popup_loading')}</p>;
  return <Popup data={connection.data} actions={actions} />;
}

const locale = applyLocale('popup_title');
// The story in the popup's UI language (the browser's), the same language as its labels.
const content = contentFor(pickLocale([locale.lang]));
const root = document.getElementById('root');
if (root)
  render(
    <I18n.Provider value={locale}>
      <ContentContext.Provider value={content}>
        <App locale={locale} />
      </ContentContext.Provider>
    </I18n.Provider>,
    root,
  );
