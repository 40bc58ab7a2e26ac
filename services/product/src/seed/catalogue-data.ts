/** Seed catalogue: the original shop's 8 categories, colour palette and option presets. */

export interface SeedCategory {
  slug: string;
  name: string;
  iconCode: string;
  /** Silhouette drawn on the generated product images. */
  shape: Shape;
  sizes: SizePreset;
}

export type Shape =
  "shirt" | "sneaker" | "handbag" | "ring" | "lipstick" | "ball" | "headphones" | "sofa";

export const categories: SeedCategory[] = [
  { slug: "clothing", name: "의류", iconCode: "shirt", shape: "shirt", sizes: "apparel" },
  { slug: "shoes", name: "신발", iconCode: "sneaker", shape: "sneaker", sizes: "shoes" },
  { slug: "bags", name: "가방", iconCode: "handbag", shape: "handbag", sizes: "none" },
  { slug: "accessories", name: "액세서리", iconCode: "ring", shape: "ring", sizes: "none" },
  { slug: "beauty", name: "뷰티", iconCode: "lipstick", shape: "lipstick", sizes: "volume" },
  { slug: "sports", name: "스포츠", iconCode: "ball", shape: "ball", sizes: "apparel" },
  {
    slug: "digital",
    name: "디지털",
    iconCode: "headphones",
    shape: "headphones",
    sizes: "storage",
  },
  { slug: "home", name: "홈/리빙", iconCode: "sofa", shape: "sofa", sizes: "bedding" },
];

export const palette = {
  black: { label: "블랙", hex: "#1f1f1f" },
  white: { label: "화이트", hex: "#f4f4f2" },
  grey: { label: "그레이", hex: "#9e9e9e" },
  navy: { label: "네이비", hex: "#1e2a4a" },
  beige: { label: "베이지", hex: "#d8c3a5" },
  khaki: { label: "카키", hex: "#6b6b3a" },
  red: { label: "레드", hex: "#c0392b" },
  pink: { label: "핑크", hex: "#f4a6b8" },
  blue: { label: "블루", hex: "#3b6fd8" },
  green: { label: "그린", hex: "#3e8e5e" },
  brown: { label: "브라운", hex: "#7b5233" },
  ivory: { label: "아이보리", hex: "#f6f0dc" },
  lavender: { label: "라벤더", hex: "#b8a4e3" },
  yellow: { label: "옐로우", hex: "#f2c94c" },
  silver: { label: "실버", hex: "#c0c4c8" },
  gold: { label: "골드", hex: "#d4af37" },
} as const;

export type ColourKey = keyof typeof palette;

export type SizePreset = "apparel" | "shoes" | "volume" | "storage" | "bedding" | "none";

/** Size options per preset: value, label and surcharge. */
export const sizePresets: Record<
  SizePreset,
  Array<{ value: string; label: string; extraPrice: number }>
> = {
  apparel: ["S", "M", "L", "XL"].map((value) => ({ value, label: value, extraPrice: 0 })),
  shoes: [230, 240, 250, 260, 270, 280].map((mm) => ({
    value: String(mm),
    label: `${mm}mm`,
    extraPrice: 0,
  })),
  volume: [
    { value: "30ml", label: "30ml", extraPrice: 0 },
    { value: "50ml", label: "50ml", extraPrice: 12000 },
  ],
  storage: [
    { value: "128gb", label: "128GB", extraPrice: 0 },
    { value: "256gb", label: "256GB", extraPrice: 40000 },
  ],
  bedding: [
    { value: "single", label: "싱글", extraPrice: 0 },
    { value: "queen", label: "퀸", extraPrice: 30000 },
    { value: "king", label: "킹", extraPrice: 50000 },
  ],
  none: [],
};

/** Review texts by rating band, and reviewer names (shown masked, like the original shop). */
export const reviewTexts = {
  high: [
    "배송도 빠르고 품질이 정말 좋아요. 재구매 의사 있습니다!",
    "사진이랑 똑같고 마감이 깔끔해요. 만족합니다.",
    "가격 대비 훌륭해요. 선물용으로도 좋을 것 같아요.",
    "색감이 예쁘고 매일 손이 가네요. 추천합니다.",
    "생각보다 훨씬 튼튼하고 좋아요. 포장도 꼼꼼했어요.",
    "두 번째 구매인데 역시 실망시키지 않네요.",
  ],
  mid: [
    "전체적으로 괜찮은데 배송이 조금 늦었어요.",
    "무난하게 쓰기 좋아요. 가격만 조금 더 착하면 좋겠어요.",
    "색이 화면보다 살짝 어두워요. 그래도 만족해요.",
  ],
  low: ["기대보다는 아쉬워요. 마감이 조금 거칠어요.", "사이즈가 생각과 달라서 교환했어요."],
};

export const reviewerNames = [
  "김*연",
  "이*준",
  "박*아",
  "최*호",
  "정*린",
  "강*우",
  "조*희",
  "윤*민",
  "장*서",
  "한*율",
  "오*진",
  "서*현",
];
