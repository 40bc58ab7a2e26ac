/** Shared class names for buttons and links that look like buttons. */
export const buttonPrimary =
  "inline-flex h-11 items-center justify-center gap-2 rounded-xl bg-brand px-5 text-[15px] font-semibold text-white hover:bg-brand-strong disabled:cursor-not-allowed disabled:opacity-60";
export const buttonSecondary =
  "inline-flex h-11 items-center justify-center gap-2 rounded-xl border border-slate-300 bg-white px-5 text-[15px] font-semibold text-ink hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60";
export const buttonDanger =
  "inline-flex h-10 items-center justify-center gap-2 rounded-xl border border-red-300 bg-white px-4 text-sm font-semibold text-red-700 hover:bg-red-50 disabled:cursor-not-allowed disabled:opacity-60";
