// The kill switch as the page shows it (dates as ISO strings, safe to hand to client components).
export type PersonView = { email: string; name: string | null };

export type KillSwitchView = {
  engaged: boolean;
  automatic: boolean;
  reason: string | null;
  by: PersonView | null;
  at: string | null;
};

export type KillSwitchEventView = {
  seq: string;
  at: string;
  action: 'kill_switch.engaged' | 'kill_switch.tripped' | 'kill_switch.released';
  reason: string | null;
  by: PersonView | null;
};
