import type { FeedBrowser } from './browserApi';

export const CHECK_ALARM = 'guidecheck-feed-check';
/** Every 4 hours: an institution's correction reaches applicants the same working day without polling hard. */
export const CHECK_PERIOD_MINUTES = 240;

/**
 * Checks on install/update, at browser start and every CHECK_PERIOD_MINUTES. The alarm survives
 * service-worker restarts; it is created only when missing so a restart does not push the next check back.
 */
export async function scheduleChecks(
  browser: FeedBrowser,
  check: (why: 'installed' | 'startup' | 'alarm') => void,
): Promise<void> {
  browser.runtime.onInstalled.addListener(() => check('installed'));
  browser.runtime.onStartup.addListener(() => check('startup'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) check('alarm');
  });
  if (!(await browser.alarms.get(CHECK_ALARM))) {
    await browser.alarms.create(CHECK_ALARM, {
      periodInMinutes: CHECK_PERIOD_MINUTES,
      delayInMinutes: CHECK_PERIOD_MINUTES,
    });
  }
}
