/**
 * Seed products: 8 per category, invented brands and Korean names, realistic KRW prices.
 * Row: [category slug, name, slug, brand, price, original price (0 = no discount), colours, flags, description]
 * flags: n = new, f = featured, s = no size options, 0 = sold out.
 */
import type { ColourKey } from "./catalogue-data.js";

export type SeedProductRow = [
  string,
  string,
  string,
  string,
  number,
  number,
  ColourKey[],
  string,
  string,
];

// One product per line reads best here.
// prettier-ignore
export const productRows: SeedProductRow[] = [
  ["clothing", "심플 티셔츠", "simple-tshirt", "하루핏", 29000, 0, ["black", "grey", "white"], "f", "편안한 착용감과 심플한 디자인이 매력적인 데일리 반팔 티셔츠입니다."],
  ["clothing", "캐주얼 데님 자켓", "casual-denim-jacket", "데님가든", 89000, 104706, ["blue", "navy"], "f", "트렌디한 워싱 처리와 클래식한 핏이 돋보이는 데님 자켓입니다."],
  ["clothing", "오버핏 후드 스웨트셔츠", "overfit-hoodie", "모노결", 59000, 69000, ["grey", "black", "lavender"], "n", "도톰한 기모 안감으로 따뜻하게 입는 오버핏 후드입니다."],
  ["clothing", "린넨 셔츠", "linen-shirt", "바람결", 49000, 0, ["white", "beige", "blue"], "", "통기성이 좋은 린넨 100% 소재의 여름 셔츠입니다."],
  ["clothing", "와이드 슬랙스", "wide-slacks", "하루핏", 45000, 56000, ["black", "beige", "grey"], "", "구김이 적은 소재로 출근룩에 잘 어울리는 와이드 슬랙스입니다."],
  ["clothing", "크롭 니트 가디건", "crop-knit-cardigan", "포근실", 52000, 0, ["ivory", "pink", "lavender"], "n", "부드러운 울 혼방 원사로 짠 크롭 기장 가디건입니다."],
  ["clothing", "경량 패딩 베스트", "light-padding-vest", "모노결", 69000, 89000, ["black", "navy", "khaki"], "f", "가볍고 따뜻한 충전재를 사용한 간절기 패딩 베스트입니다."],
  ["clothing", "플리츠 미디 스커트", "pleated-midi-skirt", "라온데이", 39000, 0, ["beige", "black", "green"], "", "움직일 때마다 살랑이는 플리츠 디테일의 미디 스커트입니다."],

  ["shoes", "클라우드 러닝화", "cloud-running-shoes", "구름발", 119000, 139000, ["white", "black", "blue"], "f", "쿠션감이 뛰어난 미드솔로 장거리 러닝에도 편안한 러닝화입니다."],
  ["shoes", "캔버스 스니커즈", "canvas-sneakers", "스텝온", 49000, 0, ["white", "black", "red"], "", "어떤 코디에도 잘 어울리는 클래식 캔버스 스니커즈입니다."],
  ["shoes", "레더 로퍼", "leather-loafers", "단정화", 129000, 0, ["black", "brown"], "n", "천연 소가죽으로 만든 클래식 페니 로퍼입니다."],
  ["shoes", "첼시 부츠", "chelsea-boots", "단정화", 159000, 189000, ["black", "brown"], "", "신고 벗기 편한 사이드 고어 첼시 부츠입니다."],
  ["shoes", "데일리 슬립온", "daily-slip-on", "스텝온", 39000, 45000, ["black", "grey", "navy"], "", "끈 없이 편하게 신는 가벼운 슬립온입니다."],
  ["shoes", "트레일 하이킹화", "trail-hiking-shoes", "산들길", 149000, 0, ["khaki", "grey"], "n", "접지력이 뛰어난 아웃솔의 경량 하이킹화입니다."],
  ["shoes", "쿠션 슬라이드", "cushion-slides", "구름발", 29000, 35000, ["black", "white", "pink"], "f", "폭신한 발바닥 쿠션의 여름 슬라이드입니다."],
  ["shoes", "메리제인 플랫", "mary-jane-flats", "라온데이", 69000, 0, ["black", "ivory"], "0", "스트랩 포인트가 사랑스러운 메리제인 플랫슈즈입니다."],

  ["bags", "미니 크로스백", "mini-crossbody-bag", "새벽가방", 59000, 79000, ["black", "beige", "pink"], "fs", "필수품만 쏙 들어가는 데일리 미니 크로스백입니다."],
  ["bags", "캔버스 토트백", "canvas-tote-bag", "담음", 35000, 0, ["ivory", "navy", "black"], "s", "노트북도 들어가는 넉넉한 사이즈의 캔버스 토트백입니다."],
  ["bags", "레더 숄더백", "leather-shoulder-bag", "새벽가방", 139000, 169000, ["brown", "black"], "ns", "부드러운 소가죽으로 만든 하프문 숄더백입니다."],
  ["bags", "트래블 백팩", "travel-backpack", "길동무", 89000, 0, ["black", "grey", "khaki"], "s", "수납 칸이 많은 여행용 대용량 백팩입니다."],
  ["bags", "클러치 파우치", "clutch-pouch", "담음", 25000, 0, ["beige", "lavender", "black"], "s", "화장품과 소품을 정리하기 좋은 클러치 파우치입니다."],
  ["bags", "나일론 힙색", "nylon-hip-bag", "길동무", 32000, 39000, ["black", "green", "yellow"], "ns", "가볍고 방수가 되는 나일론 소재의 힙색입니다."],
  ["bags", "버킷백", "bucket-bag", "새벽가방", 79000, 0, ["brown", "ivory"], "s", "스트링으로 여닫는 캐주얼한 버킷백입니다."],
  ["bags", "서류 가방", "document-briefcase", "담음", 99000, 119000, ["black", "navy"], "fs", "13인치 노트북 수납이 가능한 슬림 서류 가방입니다."],

  ["accessories", "실버 체인 목걸이", "silver-chain-necklace", "반짝공방", 45000, 0, ["silver", "gold"], "fs", "은은하게 빛나는 925 실버 체인 목걸이입니다."],
  ["accessories", "진주 드롭 귀걸이", "pearl-drop-earrings", "반짝공방", 38000, 48000, ["ivory", "gold"], "ns", "담수 진주로 포인트를 준 드롭 귀걸이입니다."],
  ["accessories", "가죽 스트랩 시계", "leather-strap-watch", "시간상점", 129000, 159000, ["brown", "black"], "fs", "심플한 다이얼과 가죽 스트랩의 아날로그 시계입니다."],
  ["accessories", "울 머플러", "wool-muffler", "포근실", 42000, 0, ["grey", "beige", "red"], "s", "부드럽고 따뜻한 울 혼방 머플러입니다."],
  ["accessories", "볼캡", "ball-cap", "하루핏", 25000, 0, ["black", "beige", "navy"], "s", "자수 로고 포인트의 코튼 볼캡입니다."],
  ["accessories", "선글라스", "round-sunglasses", "빛가림", 69000, 89000, ["black", "brown"], "ns", "자외선 차단 렌즈를 사용한 라운드 선글라스입니다."],
  ["accessories", "레더 카드지갑", "leather-card-wallet", "담음", 35000, 0, ["black", "brown", "green"], "s", "카드 여섯 장이 들어가는 슬림 카드지갑입니다."],
  ["accessories", "헤어 클로 세트", "hair-claw-set", "라온데이", 15000, 19000, ["brown", "ivory", "pink"], "s", "다양한 컬러로 구성된 헤어 집게 3종 세트입니다."],

  ["beauty", "수분 진정 세럼", "hydrating-serum", "수아랩", 32000, 42000, ["ivory"], "f", "건조한 피부에 수분을 채워주는 진정 세럼입니다."],
  ["beauty", "벨벳 매트 립스틱", "velvet-matte-lipstick", "물들임", 22000, 0, ["red", "pink", "brown"], "n", "부드럽게 발리는 벨벳 매트 텍스처의 립스틱입니다."],
  ["beauty", "데일리 선크림", "daily-sunscreen", "수아랩", 18000, 24000, ["white"], "", "백탁 없이 가볍게 발리는 SPF50+ 선크림입니다."],
  ["beauty", "약산성 클렌징 폼", "mild-cleansing-foam", "맑음연구소", 14000, 0, ["white"], "", "자극 없이 개운하게 씻어내는 약산성 클렌징 폼입니다."],
  ["beauty", "향수 오드퍼퓸", "eau-de-parfum", "향기정원", 78000, 98000, ["pink", "lavender"], "f", "잔잔한 머스크 향의 오드퍼퓸입니다."],
  ["beauty", "쿠션 파운데이션", "cushion-foundation", "물들임", 36000, 0, ["beige", "ivory"], "n", "얇고 촉촉하게 밀착되는 쿠션 파운데이션입니다."],
  ["beauty", "핸드크림 세트", "hand-cream-set", "향기정원", 25000, 32000, ["green", "pink", "yellow"], "", "세 가지 향으로 구성된 보습 핸드크림 세트입니다."],
  ["beauty", "아이 팔레트", "eye-palette", "물들임", 34000, 0, ["brown", "pink"], "", "데일리 음영 메이크업을 위한 9구 아이 팔레트입니다."],

  ["sports", "요가 매트", "yoga-mat", "바른숨", 39000, 49000, ["lavender", "green", "black"], "fs", "미끄럼 방지 처리된 6mm 두께의 요가 매트입니다."],
  ["sports", "드라이핏 트레이닝 티", "dryfit-training-tee", "런투데이", 29000, 0, ["black", "blue", "white"], "", "땀이 빠르게 마르는 기능성 트레이닝 티셔츠입니다."],
  ["sports", "러닝 쇼츠", "running-shorts", "런투데이", 32000, 39000, ["black", "navy", "grey"], "n", "이너 팬츠가 내장된 가벼운 러닝 쇼츠입니다."],
  ["sports", "폼롤러", "foam-roller", "바른숨", 24000, 0, ["blue", "black"], "s", "운동 후 근육 이완을 돕는 고밀도 폼롤러입니다."],
  ["sports", "축구공", "soccer-ball", "골라인", 35000, 0, ["white", "yellow"], "s", "공식 규격 5호 사이즈의 연습용 축구공입니다."],
  ["sports", "스마트 줄넘기", "smart-jump-rope", "골라인", 19000, 25000, ["black", "pink"], "ns", "횟수를 자동으로 세어주는 디지털 줄넘기입니다."],
  ["sports", "레깅스", "training-leggings", "바른숨", 45000, 0, ["black", "navy", "lavender"], "f", "허리를 잡아주는 하이웨이스트 트레이닝 레깅스입니다."],
  ["sports", "스포츠 물병", "sports-bottle", "런투데이", 15000, 0, ["blue", "black", "green"], "s", "보냉 기능이 있는 750ml 스테인리스 물병입니다."],

  ["digital", "무선 노이즈캔슬링 헤드폰", "wireless-anc-headphones", "소리결", 189000, 229000, ["black", "silver", "navy"], "fs", "주변 소음을 줄여주는 무선 노이즈캔슬링 헤드폰입니다."],
  ["digital", "블루투스 이어버드", "bluetooth-earbuds", "소리결", 79000, 99000, ["white", "black"], "ns", "작고 가벼운 블루투스 5.3 무선 이어버드입니다."],
  ["digital", "스마트 워치", "smart-watch", "픽셀웨이브", 219000, 0, ["black", "silver", "pink"], "f", "심박과 수면을 기록하는 스마트 워치입니다."],
  ["digital", "태블릿 PC", "tablet-pc", "픽셀웨이브", 459000, 499000, ["silver", "grey"], "n", "선명한 11인치 디스플레이의 태블릿입니다."],
  ["digital", "기계식 키보드", "mechanical-keyboard", "타닥", 89000, 0, ["white", "black", "lavender"], "s", "경쾌한 타건감의 텐키리스 기계식 키보드입니다."],
  ["digital", "무선 마우스", "wireless-mouse", "타닥", 29000, 35000, ["white", "black", "pink"], "s", "조용한 클릭의 무선 마우스입니다."],
  ["digital", "보조 배터리", "power-bank", "충전소", 35000, 0, ["white", "black"], "s", "10000mAh 고속 충전 보조 배터리입니다."],
  ["digital", "휴대용 스피커", "portable-speaker", "소리결", 69000, 89000, ["blue", "red", "black"], "s", "생활 방수가 되는 휴대용 블루투스 스피커입니다."],

  ["home", "호텔 차렵이불", "hotel-duvet", "포근집", 89000, 119000, ["white", "grey", "beige"], "f", "호텔식 도톰한 충전재의 사계절 차렵이불입니다."],
  ["home", "무드 조명", "mood-lamp", "무드앤홈", 45000, 0, ["ivory", "yellow"], "ns", "은은한 빛으로 분위기를 바꿔주는 무드 조명입니다."],
  ["home", "세라믹 머그 세트", "ceramic-mug-set", "흙과불", 32000, 38000, ["white", "green", "blue"], "s", "손으로 빚은 듯한 질감의 세라믹 머그 2개 세트입니다."],
  ["home", "패브릭 1인 소파", "fabric-armchair", "무드앤홈", 259000, 299000, ["beige", "grey", "green"], "fs", "포근하게 감싸주는 패브릭 1인 소파입니다."],
  ["home", "디퓨저", "reed-diffuser", "향기정원", 28000, 0, ["ivory", "lavender"], "s", "은은한 향이 오래가는 200ml 리드 디퓨저입니다."],
  ["home", "면 베개 커버", "cotton-pillow-cover", "포근집", 19000, 0, ["white", "beige", "navy"], "", "피부에 닿는 느낌이 부드러운 면 100% 베개 커버입니다."],
  ["home", "원목 수납 선반", "wooden-shelf", "나무결", 79000, 99000, ["brown", "ivory"], "ns", "원목으로 만든 3단 수납 선반입니다."],
  ["home", "극세사 러그", "microfiber-rug", "포근집", 49000, 0, ["grey", "beige", "pink"], "", "발끝까지 포근한 극세사 러그입니다."],
];
