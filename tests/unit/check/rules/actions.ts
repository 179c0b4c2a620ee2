/** The fixture plan with these action lines in place of its one action. */
export const withActions = (actions: string) => (plan: string) => plan.replace(/actions:\n.*\n$/s, `actions:\n${actions}`);
