/** 规则来源 (rule sources): bundled packs, subscriptions, policy feeds. Filled in by the feed-extension work. */
export function RuleSources() {
  return <section id="rules" data-testid="rule-sources" />;
}
