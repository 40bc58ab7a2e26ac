import {
  Baby,
  Dumbbell,
  Footprints,
  Gem,
  Gift,
  Glasses,
  Headphones,
  Home,
  Sofa,
  type LucideIcon,
  Shirt,
  ShoppingBag,
  Smartphone,
  Sparkles,
  Volleyball,
  Watch,
} from "lucide-react";

const ICONS: Record<string, { icon: LucideIcon; tint: string }> = {
  clothing: { icon: Shirt, tint: "text-emerald-600" },
  shirt: { icon: Shirt, tint: "text-emerald-600" },
  shoes: { icon: Footprints, tint: "text-violet-600" },
  shoe: { icon: Footprints, tint: "text-violet-600" },
  sneaker: { icon: Footprints, tint: "text-violet-600" },
  handbag: { icon: ShoppingBag, tint: "text-amber-700" },
  ball: { icon: Volleyball, tint: "text-orange-600" },
  headphones: { icon: Headphones, tint: "text-indigo-600" },
  sofa: { icon: Sofa, tint: "text-teal-700" },
  bags: { icon: ShoppingBag, tint: "text-amber-700" },
  bag: { icon: ShoppingBag, tint: "text-amber-700" },
  accessories: { icon: Gem, tint: "text-sky-600" },
  ring: { icon: Gem, tint: "text-sky-600" },
  jewelry: { icon: Gem, tint: "text-sky-600" },
  beauty: { icon: Sparkles, tint: "text-pink-600" },
  lipstick: { icon: Sparkles, tint: "text-pink-600" },
  watch: { icon: Watch, tint: "text-slate-700" },
  watches: { icon: Watch, tint: "text-slate-700" },
  sports: { icon: Dumbbell, tint: "text-orange-600" },
  sport: { icon: Dumbbell, tint: "text-orange-600" },
  digital: { icon: Smartphone, tint: "text-indigo-600" },
  electronics: { icon: Smartphone, tint: "text-indigo-600" },
  home: { icon: Home, tint: "text-teal-700" },
  living: { icon: Home, tint: "text-teal-700" },
  kids: { icon: Baby, tint: "text-rose-600" },
  eyewear: { icon: Glasses, tint: "text-slate-700" },
};

/** The tile icon of a category's icon code (unknown codes get a gift box). */
export function CategoryIcon({ code, className }: { code: string; className?: string }) {
  const key = code.toLowerCase().split(/[-_]/)[0] ?? "";
  const { icon: Icon, tint } = ICONS[code.toLowerCase()] ??
    ICONS[key] ?? { icon: Gift, tint: "text-slate-700" };
  return <Icon aria-hidden className={`${tint} ${className ?? "size-7"}`} strokeWidth={1.7} />;
}
