import { randomInt, seedFrom } from "../rules/rng.ts";
import { FORMS, type Form } from "./forms.ts";
import {
  type Bilingual,
  COOP_FACTORS,
  COOP_PURPOSES,
  type CoopFactor,
  type CoopPurpose,
  GLOSSARY_BY_ID,
  type GlossaryEntry,
  type GlossaryId,
} from "./glossary.ts";

/**
 * The after-game quiz: case-based multiple-choice items about daily life in Indonesia, each with five
 * options A–E and exactly one right answer. Items on a form offer other forms and accommodation forms
 * (arbitrase, mediasi, koersi …) as the wrong options; items on the factors and purposes of kerja
 * sama offer plausible-sounding reasons or aims that are not in the source text.
 */

/** What an item tests: a form, a factor (`factor:<id>`) or a purpose (`purpose:<id>`). */
export type QuizTag = Form | `factor:${CoopFactor}` | `purpose:${CoopPurpose}`;

export const QUIZ_TAGS: readonly QuizTag[] = [
  ...FORMS,
  ...COOP_FACTORS.map((f) => `factor:${f}` as const),
  ...COOP_PURPOSES.map((p) => `purpose:${p}` as const),
];

/** The letters of the five options, in order. */
export const QUIZ_LETTERS = ["A", "B", "C", "D", "E"] as const;
export type QuizAnswer = 0 | 1 | 2 | 3 | 4;
type Five<T> = readonly [T, T, T, T, T];

export interface QuizItem {
  /** Stable id, kept in reports: `q-<tag>-<nn>`. */
  id: string;
  tag: QuizTag;
  stem: Bilingual;
  options: Five<Bilingual>;
  /** Index of the one right option (0 = A … 4 = E). */
  answer: QuizAnswer;
  /** Why the right answer is right, and why the most tempting wrong one is not. */
  explanation: Bilingual;
}

/** Items shown in one quiz after a game. */
export const QUIZ_LENGTH = 10;

/** The glossary entry an item's tag is about; its term is the item's right option. */
export function tagEntry(tag: QuizTag): GlossaryEntry {
  const id = tag.includes(":") ? tag.slice(tag.indexOf(":") + 1) : tag;
  return GLOSSARY_BY_ID[id as GlossaryId];
}

/** An option is a glossary term (by id) or, for factor and purpose items, a wrong answer in words. */
type OptionSource = GlossaryId | Bilingual;

interface ItemSource extends Omit<QuizItem, "options"> {
  options: Five<OptionSource>;
}

function optionText(source: OptionSource): Bilingual {
  return typeof source === "string" ? GLOSSARY_BY_ID[source].term : source;
}

/** Wrong options for factor items: things that push people apart, not into kerja sama. */
const NOT_A_FACTOR = {
  persaingan: { id: "Persaingan antarwarga", en: "Competition between neighbours" },
  paksaan: { id: "Paksaan dari pihak yang lebih kuat", en: "Pressure from a stronger party" },
  curiga: { id: "Rasa curiga terhadap pihak lain", en: "Suspicion of the other side" },
  menangSendiri: { id: "Keinginan untuk menang sendiri", en: "Wanting to come out on top alone" },
  takutDihukum: { id: "Rasa takut dihukum", en: "Fear of being punished" },
  upah: { id: "Keinginan mendapat upah", en: "Wanting to be paid" },
} satisfies Record<string, Bilingual>;

/** Wrong options for purpose items: aims that are not purposes of kerja sama. */
const NOT_A_PURPOSE = {
  untungSendiri: { id: "Mencari keuntungan untuk diri sendiri", en: "Making a profit for oneself" },
  kalahkan: { id: "Mengalahkan kelompok lain", en: "Beating another group" },
  tunduk: { id: "Membuat pihak lain tunduk", en: "Making the other side give in" },
  terkenal: { id: "Membuat satu orang menjadi terkenal", en: "Making one person famous" },
  pengadilan: { id: "Menyelesaikan sengketa di pengadilan", en: "Settling a dispute in court" },
} satisfies Record<string, Bilingual>;

const SOURCES: readonly ItemSource[] = [
  // — Gotong royong —
  {
    id: "q-gr-01",
    tag: "gotongRoyong",
    stem: {
      id: "Menjelang musim hujan, warga RT 04 berkumpul pada Minggu pagi untuk membersihkan selokan yang penuh sampah. Tidak ada yang dibayar; semua datang supaya kampung mereka tidak banjir. Bentuk kerja sama apakah ini?",
      en: "Before the rainy season, the residents of RT 04 meet on Sunday morning to clear a drain full of rubbish. Nobody is paid; they all come so that their kampung does not flood. Which form of cooperation is this?",
    },
    options: ["gotongRoyong", "bargaining", "mediasi", "koersi", "jointVenture"],
    answer: 0,
    explanation: {
      id: "Warga bekerja dengan sukarela untuk kepentingan bersama dan tidak dibayar: itulah gotong royong. Ini bukan koersi, karena tidak ada pihak kuat yang memaksa warga datang.",
      en: "The residents work voluntarily for the common good and nobody is paid: that is gotong royong. It is not koersi, because no stronger party forces them to come.",
    },
  },
  {
    id: "q-gr-02",
    tag: "gotongRoyong",
    stem: {
      id: "Rumah Bu Sri rusak diterjang angin puting beliung. Keesokan harinya para tetangga datang membawa bambu, genteng, dan makanan, lalu memperbaiki rumah itu bersama-sama tanpa meminta upah. Peristiwa ini contoh …",
      en: "Bu Sri's house is damaged by a whirlwind. The next day her neighbours arrive with bamboo, roof tiles and food, and repair the house together without asking for wages. This is an example of …",
    },
    options: ["kooptasi", "gotongRoyong", "kompromi", "jointVenture", "arbitrase"],
    answer: 1,
    explanation: {
      id: "Tetangga menolong dengan sukarela tanpa upah: gotong royong. Bukan joint venture, karena tidak ada dua usaha yang menanam modal lalu membagi keuntungan.",
      en: "The neighbours help voluntarily, without wages: gotong royong. It is not a joint venture, because no two businesses put in capital and share a profit.",
    },
  },
  {
    id: "q-gr-03",
    tag: "gotongRoyong",
    stem: {
      id: "Pada hari Sabtu, orang tua murid dan guru SD Negeri 2 mengecat ruang kelas dan memperbaiki bangku yang patah. Bahannya dibeli dari sumbangan, dan semua bekerja tanpa bayaran. Bentuk kerja sama apa yang terjadi?",
      en: "On Saturday, parents and teachers of SD Negeri 2 (a state primary school) paint the classrooms and mend broken benches. The materials are bought with donations, and everyone works unpaid. Which form of cooperation is taking place?",
    },
    options: ["bargaining", "konsiliasi", "gotongRoyong", "kooptasi", "toleransi"],
    answer: 2,
    explanation: {
      id: "Orang tua dan guru bekerja sukarela untuk sekolah yang dipakai bersama: gotong royong. Bukan bargaining, karena tidak ada yang saling menawar harga atau syarat.",
      en: "Parents and teachers work voluntarily for a school they all share: gotong royong. It is not bargaining, because nobody haggles over a price or terms.",
    },
  },
  {
    id: "q-gr-04",
    tag: "gotongRoyong",
    stem: {
      id: "Setelah banjir surut, anggota karang taruna dan warga bergantian membersihkan lumpur dari rumah-rumah warga lanjut usia tanpa meminta imbalan. Bentuk kerja sama apakah ini?",
      en: "After the flood goes down, members of the karang taruna (village youth group) and other residents take turns clearing mud out of elderly people's homes without asking for anything in return. Which form of cooperation is this?",
    },
    options: ["jointVenture", "mediasi", "koersi", "gotongRoyong", "bargaining"],
    answer: 3,
    explanation: {
      id: "Bantuan sukarela untuk sesama tanpa imbalan adalah gotong royong. Bukan mediasi, karena tidak ada perselisihan yang perlu ditengahi pihak ketiga.",
      en: "Voluntary help for others with nothing in return is gotong royong. It is not mediasi, because there is no dispute for a third party to settle.",
    },
  },
  {
    id: "q-gr-05",
    tag: "gotongRoyong",
    stem: {
      id: "Di kampung Dani, setiap malam dua warga bergiliran ronda untuk menjaga keamanan. Tidak ada yang digaji; semua ikut karena keamanan kampung adalah kepentingan bersama. Ini contoh …",
      en: "In Dani's kampung, two residents take turns each night on the ronda (night watch) to keep the area safe. Nobody gets a wage; everyone takes part because the kampung's safety matters to all. This is an example of …",
    },
    options: ["kompromi", "kooptasi", "jointVenture", "ajudikasi", "gotongRoyong"],
    answer: 4,
    explanation: {
      id: "Warga bekerja bergiliran dengan sukarela untuk kepentingan bersama: gotong royong. Bukan kooptasi, karena tidak ada orang luar yang diajak masuk ke dalam struktur sebuah organisasi.",
      en: "Residents take voluntary turns for the common good: gotong royong. It is not kooptasi, because no outsider is brought into an organisation's structure.",
    },
  },
  {
    id: "q-gr-06",
    tag: "gotongRoyong",
    stem: {
      id: "Warga Desa Sukamaju membangun jembatan bambu di atas sungai kecil supaya anak-anak bisa berangkat sekolah tanpa basah. Setiap keluarga menyumbang bambu atau tenaga, dan tidak ada yang meminta bayaran. Bentuk kerja sama apa ini?",
      en: "The villagers of Sukamaju build a bamboo bridge over a small river so that the children can get to school without getting wet. Every family gives bamboo or labour, and nobody asks to be paid. Which form of cooperation is this?",
    },
    options: ["gotongRoyong", "arbitrase", "bargaining", "jointVenture", "konsiliasi"],
    answer: 0,
    explanation: {
      id: "Setiap keluarga memberi dengan sukarela untuk kepentingan seluruh desa: gotong royong. Bukan bargaining, karena tidak ada yang menawar atau meminta balasan.",
      en: "Every family gives voluntarily for the good of the whole village: gotong royong. It is not bargaining, because nobody haggles or asks for anything back.",
    },
  },
  {
    id: "q-gr-07",
    tag: "gotongRoyong",
    stem: {
      id: "Dalam Bangun Desa, Rani (petani) memberikan 2 beras kepada keluarga Yogi yang kekurangan makanan, tanpa meminta apa pun sebagai gantinya. Tindakan Rani termasuk …",
      en: "In Bangun Desa, Rani (a petani, rice farmer) gives 2 beras (rice) to Yogi's household, which is short of food, and asks for nothing in return. Rani's act is …",
    },
    options: ["bargaining", "gotongRoyong", "kooptasi", "koersi", "mediasi"],
    answer: 1,
    explanation: {
      id: "Rani menolong tanpa meminta balasan demi kebaikan bersama: gotong royong (bantu tetangga). Kalau Rani meminta kayu sebagai gantinya, barulah itu bargaining.",
      en: "Rani helps without asking for anything back, for the good of all: gotong royong (bantu tetangga, helping a neighbour). Had she asked for wood in exchange, it would be bargaining.",
    },
  },
  {
    id: "q-gr-08",
    tag: "gotongRoyong",
    stem: {
      id: "Menjelang HUT RI, warga satu gang bersama-sama memasang umbul-umbul, mengecat pagar, dan menyapu jalan. Semua bekerja dengan sukarela. Bentuk kerja sama apakah ini?",
      en: "Before Indonesia's Independence Day, the residents of one lane put up banners, paint the fences and sweep the street together. Everyone works voluntarily. Which form of cooperation is this?",
    },
    options: ["koersi", "jointVenture", "gotongRoyong", "kompromi", "kooptasi"],
    answer: 2,
    explanation: {
      id: "Kerja bakti sukarela untuk lingkungan bersama adalah gotong royong. Bukan kompromi, karena tidak ada pertentangan yang diakhiri dengan saling mengalah.",
      en: "Voluntary kerja bakti (community work) for a shared neighbourhood is gotong royong. It is not kompromi, because no quarrel is being ended by both sides giving way.",
    },
  },

  // — Bargaining (tawar-menawar) —
  {
    id: "q-bg-01",
    tag: "bargaining",
    stem: {
      id: "Menjelang panen, Pak Harun (petani) dan Bu Lina (pengepul gabah) membicarakan harga. Pak Harun meminta Rp6.000 per kilogram, Bu Lina menawar Rp5.000, dan akhirnya mereka sepakat Rp5.500. Bentuk kerja sama apakah ini?",
      en: "Before the harvest, Pak Harun (a farmer) and Bu Lina (a gabah collector) talk about the price. Pak Harun asks for Rp6,000 a kilogram, Bu Lina offers Rp5,000, and in the end they agree on Rp5,500. Which form of cooperation is this?",
    },
    options: ["gotongRoyong", "kompromi", "arbitrase", "bargaining", "kooptasi"],
    answer: 3,
    explanation: {
      id: "Dua pihak saling menawar sampai sepakat soal harga gabah: bargaining. Bukan kompromi, karena kompromi dipakai untuk mengakhiri sebuah pertikaian, sedangkan di sini mereka berunding untuk jual-beli.",
      en: "Two parties make offers until they agree on the gabah price: bargaining. It is not kompromi, which ends a quarrel; here they are negotiating a sale.",
    },
  },
  {
    id: "q-bg-02",
    tag: "bargaining",
    stem: {
      id: "Siti ingin membeli tas anyaman di pasar. Penjual membuka harga Rp80.000, Siti menawar Rp60.000, lalu keduanya setuju di Rp70.000. Peristiwa ini contoh …",
      en: "Siti wants to buy a woven bag at the pasar. The seller starts at Rp80,000, Siti offers Rp60,000, and they both agree on Rp70,000. This is an example of …",
    },
    options: ["koalisi", "mediasi", "jointVenture", "koersi", "bargaining"],
    answer: 4,
    explanation: {
      id: "Penjual dan pembeli tawar-menawar sampai sepakat: bargaining. Bukan mediasi, karena tidak ada pihak ketiga yang menengahi.",
      en: "Seller and buyer bargain until they agree: bargaining. It is not mediasi, because no third party goes between them.",
    },
  },
  {
    id: "q-bg-03",
    tag: "bargaining",
    stem: {
      id: "Pengurus kantin sekolah dan pemasok roti berunding. Kantin ingin harga lebih murah, pemasok ingin pesanan lebih banyak. Mereka sepakat: harga turun sedikit jika kantin memesan 100 roti setiap hari. Bentuk kerja sama apa ini?",
      en: "The school canteen and its bread supplier negotiate. The canteen wants a lower price, the supplier wants bigger orders. They agree: the price drops a little if the canteen orders 100 loaves a day. Which form of cooperation is this?",
    },
    options: ["bargaining", "jointVenture", "kooptasi", "ajudikasi", "toleransi"],
    answer: 0,
    explanation: {
      id: "Dua pihak saling mengajukan syarat sampai ada kesepakatan: bargaining. Bukan joint venture, karena mereka tidak menjalankan usaha bersama atau berbagi keuntungan; mereka menyepakati jual-beli.",
      en: "Two parties put forward terms until they agree: bargaining. It is not a joint venture, because they do not run a business together or share profits; they agree on a sale.",
    },
  },
  {
    id: "q-bg-04",
    tag: "bargaining",
    stem: {
      id: "Para pengusaha kerajinan di sebuah kota dan pemerintah daerah berunding berkali-kali. Pengusaha meminta tempat pameran gratis, pemerintah meminta mereka melatih pemuda setempat. Akhirnya mereka sepakat tentang rencana mengembangkan ekonomi kreatif. Ini contoh …",
      en: "The craft business owners of a town and the regional government meet again and again. The business owners ask for free exhibition space; the government asks them to train local young people. In the end they agree on a plan to grow the creative economy. This is an example of …",
    },
    options: ["koalisi", "bargaining", "koersi", "konsiliasi", "gotongRoyong"],
    answer: 1,
    explanation: {
      id: "Dua pihak saling menawar syarat sampai sepakat: bargaining. Bukan konsiliasi, karena tidak ada perselisihan yang dibawa ke sebuah lembaga untuk didamaikan.",
      en: "Two parties trade conditions until they agree: bargaining. It is not konsiliasi, because no dispute is taken to an official body to be settled.",
    },
  },
  {
    id: "q-bg-05",
    tag: "bargaining",
    stem: {
      id: "Dalam Bangun Desa, Ayu (penebang) menawarkan 2 kayu kepada Bima untuk ditukar dengan 3 batu. Bima menawar balik: 2 kayu untuk 2 batu. Ayu menerima. Bentuk kerja sama apakah ini?",
      en: "In Bangun Desa, Ayu (a penebang, woodcutter) offers Bima 2 kayu (wood) for 3 batu (stone). Bima makes a counter-offer: 2 wood for 2 stone. Ayu accepts. Which form of cooperation is this?",
    },
    options: ["gotongRoyong", "kooptasi", "bargaining", "arbitrase", "kompromi"],
    answer: 2,
    explanation: {
      id: "Menawarkan, menawar balik, lalu sepakat: bargaining. Bukan gotong royong, karena keduanya sama-sama meminta imbalan.",
      en: "An offer, a counter-offer, then agreement: bargaining. It is not gotong royong, because both sides ask for something in return.",
    },
  },
  {
    id: "q-bg-06",
    tag: "bargaining",
    stem: {
      id: "Ketua kelas 8B dan pemilik bus berunding tentang ongkos sewa bus untuk karyawisata. Pemilik bus memberi potongan harga setelah kelas setuju berangkat pada hari kerja, saat bus sepi penyewa. Bentuk kerja sama apa ini?",
      en: "The class 8B captain and a bus owner discuss the cost of hiring a bus for a class trip. The owner gives a discount once the class agrees to travel on a weekday, when few people hire buses. Which form of cooperation is this?",
    },
    options: ["koalisi", "kooptasi", "mediasi", "bargaining", "jointVenture"],
    answer: 3,
    explanation: {
      id: "Dua pihak menawar harga dan syarat sampai sepakat: bargaining. Bukan koalisi, karena tidak ada beberapa pihak yang bergabung untuk sementara demi satu tujuan bersama.",
      en: "Two parties haggle over price and terms until they agree: bargaining. It is not koalisi, because no group of parties joins forces for a while towards one shared goal.",
    },
  },
  {
    id: "q-bg-07",
    tag: "bargaining",
    stem: {
      id: "Setiap pagi, para nelayan dan pemilik rumah makan bertemu di tempat pelelangan ikan. Mereka menawar harga ikan sesuai hasil tangkapan hari itu sampai keduanya setuju. Ini contoh …",
      en: "Every morning, fishers and restaurant owners meet at the fish auction. They haggle over the price of fish, depending on that day's catch, until both agree. This is an example of …",
    },
    options: ["ajudikasi", "gotongRoyong", "toleransi", "koersi", "bargaining"],
    answer: 4,
    explanation: {
      id: "Harga ditentukan lewat tawar-menawar sampai kedua pihak setuju: bargaining. Bukan koersi, karena tidak ada pihak yang memaksa; harga disepakati bersama.",
      en: "The price is set by bargaining until both sides agree: bargaining. It is not koersi, because nobody is forced; the price is agreed together.",
    },
  },
  {
    id: "q-bg-08",
    tag: "bargaining",
    stem: {
      id: "Dalam Bangun Desa, petani dan pedagang merundingkan harga gabah untuk musim ini. Pedagang mengusulkan harga rendah, petani meminta harga tinggi, lalu keduanya menerima harga di tengah-tengah. Bentuk kerja sama apakah ini?",
      en: "In Bangun Desa, the petani (farmer) and the pedagang (trader) negotiate this season's harga gabah (rice price). The trader proposes a low price, the farmer asks for a high one, and both accept a price in the middle. Which form of cooperation is this?",
    },
    options: ["bargaining", "arbitrase", "koalisi", "kooptasi", "mediasi"],
    answer: 0,
    explanation: {
      id: "Petani dan pedagang tawar-menawar sampai sepakat: bargaining. Bukan arbitrase, karena tidak ada pihak ketiga yang memutuskan harga; mereka sendiri yang bersepakat.",
      en: "Farmer and trader bargain until they agree: bargaining. It is not arbitrase, because no third party decides the price; they agree on it themselves.",
    },
  },

  // — Kooptasi —
  {
    id: "q-ko-01",
    tag: "kooptasi",
    stem: {
      id: "Kegiatan OSIS SMP Harapan sering diganggu sekelompok pemuda kampung. Pengurus OSIS lalu mengajak Mas Yudi, tokoh pemuda yang disegani di kampung itu, menjadi pembina kegiatan. Sejak itu acara berjalan tertib. Bentuk kerja sama apakah ini?",
      en: "The OSIS (student council) events at SMP Harapan are often disrupted by a group of young people from the kampung. The OSIS then invites Mas Yudi, a respected young leader there, to become the pembina (mentor) of its activities. Since then, events have run smoothly. Which form of cooperation is this?",
    },
    options: ["mediasi", "kooptasi", "koersi", "gotongRoyong", "bargaining"],
    answer: 1,
    explanation: {
      id: "OSIS memasukkan tokoh berpengaruh ke dalam strukturnya supaya tidak terjadi konflik: kooptasi. Bukan mediasi, karena Mas Yudi tidak sekadar menengahi satu perselisihan; ia menjadi bagian dari struktur kegiatan.",
      en: "The OSIS brings an influential person into its structure to avoid conflict: kooptasi. It is not mediasi, because Mas Yudi does not just go between two sides in one dispute; he becomes part of the organisation.",
    },
  },
  {
    id: "q-ko-02",
    tag: "kooptasi",
    stem: {
      id: "Sebuah perusahaan air minum yang baru berdiri di kabupaten merekrut seorang influencer lokal yang dikenal warga sebagai duta perusahaan, supaya hubungan perusahaan dengan masyarakat sekitar lebih baik. Ini contoh …",
      en: "A new drinking-water company in the regency recruits a local influencer whom people know well as its ambassador, so that it gets on better with the community around it. This is an example of …",
    },
    options: ["jointVenture", "bargaining", "kooptasi", "toleransi", "konsiliasi"],
    answer: 2,
    explanation: {
      id: "Perusahaan memasukkan orang berpengaruh ke dalam strukturnya untuk memperkuat hubungan dengan warga: kooptasi. Bukan joint venture, karena tidak ada dua perusahaan yang menjalankan proyek bersama.",
      en: "The company brings an influential person into its structure to strengthen its ties with residents: kooptasi. It is not a joint venture, because no two companies run a project together.",
    },
  },
  {
    id: "q-ko-03",
    tag: "kooptasi",
    stem: {
      id: "Warga RW 05 sering memprotes keputusan pengurus RW karena merasa tidak pernah diajak bicara. Pengurus lalu mengangkat Bu Ratna, warga yang paling lantang memprotes, menjadi anggota pengurus. Protes pun berkurang. Bentuk kerja sama apa ini?",
      en: "Residents of RW 05 often protest against the RW committee's decisions because they feel never consulted. The committee then makes Bu Ratna, the loudest critic, a committee member. The protests die down. Which form of cooperation is this?",
    },
    options: ["kompromi", "koalisi", "ajudikasi", "kooptasi", "gotongRoyong"],
    answer: 3,
    explanation: {
      id: "Pengkritik dimasukkan ke dalam struktur supaya konflik tidak membesar: kooptasi. Bukan kompromi, karena pengurus tidak sekadar mengurangi tuntutan; mereka memberi Bu Ratna tempat di dalam kepengurusan.",
      en: "The critic is brought into the structure so the conflict does not grow: kooptasi. It is not kompromi, because the committee does not just lower its demands; it gives Bu Ratna a seat on it.",
    },
  },
  {
    id: "q-ko-04",
    tag: "kooptasi",
    stem: {
      id: "Dalam Bangun Desa, tokoh pemuda makin resah karena tidak dilibatkan, dan ia mulai memprotes proyek desa. Warga bermusyawarah dan memutuskan untuk memberinya tempat sebagai penasihat proyek jembatan. Keresahannya berhenti dan ia ikut bekerja. Ini contoh …",
      en: "In Bangun Desa, the tokoh pemuda (young community leader) grows restless because he is left out, and he starts protesting against village projects. The villagers hold a musyawarah (deliberation) and decide to give him a place as penasihat (adviser) of the bridge project. His unrest stops and he joins the work. This is an example of …",
    },
    options: ["arbitrase", "gotongRoyong", "koersi", "koalisi", "kooptasi"],
    answer: 4,
    explanation: {
      id: "Desa memasukkan tokoh berpengaruh ke dalam struktur proyek untuk meredam konflik: kooptasi. Bukan koersi, karena tokoh itu tidak dipaksa; ia diajak masuk lewat musyawarah.",
      en: "The village brings an influential person into a project's structure to calm a conflict: kooptasi. It is not koersi, because nobody forces him; he is invited in through a musyawarah.",
    },
  },
  {
    id: "q-ko-05",
    tag: "kooptasi",
    stem: {
      id: "Panitia lomba kebersihan kampung mengajak Pak Darmo, pemilik toko bangunan yang sering mengkritik panitia, menjadi salah satu juri. Kritiknya berubah menjadi saran yang membangun, dan mutu lomba meningkat. Bentuk kerja sama apakah ini?",
      en: "The committee of a kampung cleanliness contest invites Pak Darmo, a hardware-shop owner who often criticises it, to be one of the judges. His criticism turns into helpful advice, and the contest gets better. Which form of cooperation is this?",
    },
    options: ["kooptasi", "mediasi", "bargaining", "kompromi", "jointVenture"],
    answer: 0,
    explanation: {
      id: "Panitia memasukkan pengkritik ke dalam strukturnya, sehingga konflik hilang dan kelompok menjadi lebih baik: kooptasi. Bukan bargaining, karena tidak ada tawar-menawar harga atau barang.",
      en: "The committee brings its critic into its structure, so the conflict ends and the group improves: kooptasi. It is not bargaining, because nobody haggles over prices or goods.",
    },
  },
  {
    id: "q-ko-06",
    tag: "kooptasi",
    stem: {
      id: "Pengurus koperasi sekolah mengajak Dimas, siswa yang pandai berjualan daring dan punya banyak pengikut di media sosial, menjadi pengurus bagian promosi supaya penjualan koperasi naik. Ini contoh …",
      en: "The school koperasi (co-operative shop) committee invites Dimas, a student who is good at selling online and has many followers on social media, to join the committee as head of promotion so that sales go up. This is an example of …",
    },
    options: ["koalisi", "kooptasi", "gotongRoyong", "toleransi", "arbitrase"],
    answer: 1,
    explanation: {
      id: "Memasukkan orang berpengaruh ke dalam struktur untuk meningkatkan mutu kelompok juga termasuk kooptasi. Bukan koalisi, karena tidak ada beberapa kelompok yang bergabung; Dimas masuk ke dalam satu organisasi.",
      en: "Bringing an influential person into the structure to make the group better is also kooptasi. It is not koalisi, because no groups join forces; Dimas joins one organisation.",
    },
  },
  {
    id: "q-ko-07",
    tag: "kooptasi",
    stem: {
      id: "Karang taruna sebuah desa sering berselisih dengan kelompok pemuda penggemar motor. Pengurus karang taruna lalu menjadikan ketua kelompok motor itu anggota seksi olahraga, sehingga kedua kelompok tidak lagi bertengkar. Bentuk kerja sama apa ini?",
      en: "A village's karang taruna (youth group) keeps clashing with a club of young motorbike fans. The karang taruna then makes the club's leader a member of its sports section, and the two groups stop fighting. Which form of cooperation is this?",
    },
    options: ["konsiliasi", "ajudikasi", "kooptasi", "bargaining", "koalisi"],
    answer: 2,
    explanation: {
      id: "Ketua kelompok motor dimasukkan ke dalam struktur karang taruna untuk menghindari konflik: kooptasi. Bukan konsiliasi, karena perselisihannya tidak dibawa ke sebuah lembaga atau forum resmi.",
      en: "The club leader is brought into the karang taruna's structure to avoid conflict: kooptasi. It is not konsiliasi, because the dispute is not taken to an official body or forum.",
    },
  },
  {
    id: "q-ko-08",
    tag: "kooptasi",
    stem: {
      id: "Dalam Bangun Desa, Lala sering tidak punya kegiatan dan mulai mengeluh. Warga bermusyawarah dan memutuskan memasukkannya ke panitia proyek sekolah, sehingga ia ikut menentukan jalannya proyek. Bentuk kerja sama apakah ini?",
      en: "In Bangun Desa, Lala often has nothing to do and starts to complain. The villagers hold a musyawarah and decide to put her on the school project's committee, so she helps steer the project. Which form of cooperation is this?",
    },
    options: ["gotongRoyong", "jointVenture", "mediasi", "kooptasi", "koersi"],
    answer: 3,
    explanation: {
      id: "Memberi Lala tempat di panitia lewat musyawarah berarti memasukkannya ke dalam struktur: kooptasi. Bukan gotong royong, karena yang terjadi di sini adalah mengajak seseorang masuk struktur, bukan bekerja bakti.",
      en: "Giving Lala a committee seat through a musyawarah brings her into the structure: kooptasi. It is not gotong royong, because this is about bringing someone into a structure, not about doing community work.",
    },
  },

  // — Koalisi —
  {
    id: "q-kl-01",
    tag: "koalisi",
    stem: {
      id: "Tiga komunitas lingkungan di Bandung (pencinta sungai, bank sampah, dan pecinta alam sekolah) bergabung selama sebulan untuk menjalankan kampanye peduli sampah plastik. Setelah kampanye selesai, masing-masing kembali ke kegiatannya sendiri. Bentuk kerja sama apakah ini?",
      en: "Three environmental groups in Bandung (river lovers, a waste bank and a school nature club) join up for a month to run a campaign against plastic waste. When the campaign ends, each goes back to its own activities. Which form of cooperation is this?",
    },
    options: ["jointVenture", "gotongRoyong", "kooptasi", "kompromi", "koalisi"],
    answer: 4,
    explanation: {
      id: "Beberapa pihak bergabung untuk sementara demi satu tujuan tertentu: koalisi. Bukan joint venture, karena tidak ada dua organisasi yang menanam modal dalam satu usaha bersama.",
      en: "Several parties join forces for a while towards one particular goal: koalisi. It is not a joint venture, because no two organisations put capital into one shared business.",
    },
  },
  {
    id: "q-kl-02",
    tag: "koalisi",
    stem: {
      id: "Lima UMKM makanan di sebuah kecamatan sepakat menyewa satu gedung dan mengadakan pameran produk bersama selama tiga hari. Setelah pameran usai, kerja sama itu pun berakhir. Ini contoh …",
      en: "Five small food businesses (UMKM) in one district agree to rent a hall and hold a joint product fair for three days. When the fair is over, the cooperation ends. This is an example of …",
    },
    options: ["koalisi", "bargaining", "jointVenture", "konsiliasi", "koersi"],
    answer: 0,
    explanation: {
      id: "Beberapa usaha bergabung sementara untuk satu acara: koalisi. Bukan joint venture, karena yang bergabung lebih dari dua pihak dan hanya untuk sementara, bukan dua pihak yang mendirikan usaha bersama.",
      en: "Several businesses join up for a while for one event: koalisi. It is not a joint venture, because more than two parties take part, only for a while, rather than two parties founding a shared business.",
    },
  },
  {
    id: "q-kl-03",
    tag: "koalisi",
    stem: {
      id: "Menjelang pemilihan ketua OSIS, tiga ekstrakurikuler (pramuka, PMR, dan paduan suara) sepakat mendukung satu calon yang berjanji memperbaiki ruang ekstrakurikuler. Setelah pemilihan, kesepakatan itu selesai. Bentuk kerja sama apa ini?",
      en: "Before the OSIS chair election, three school clubs (scouts, the youth Red Cross and the choir) agree to back one candidate who promises to fix up the club rooms. After the election, the agreement ends. Which form of cooperation is this?",
    },
    options: ["kooptasi", "koalisi", "mediasi", "gotongRoyong", "ajudikasi"],
    answer: 1,
    explanation: {
      id: "Beberapa kelompok bergabung sementara demi satu tujuan: koalisi. Bukan kooptasi, karena tidak ada orang atau kelompok yang dimasukkan ke dalam struktur organisasi lain.",
      en: "Several groups join forces for a while towards one goal: koalisi. It is not kooptasi, because nobody is brought into another organisation's structure.",
    },
  },
  {
    id: "q-kl-04",
    tag: "koalisi",
    stem: {
      id: "Dalam Bangun Desa, Putri, Gilang, dan Sari bergabung untuk kampanye peduli sampah plastik. Mereka menyumbang uang dan kayu ke kas bersama sebelum batas waktunya, dan kelompok itu bubar setelah kampanye berhasil. Bentuk kerja sama apakah ini?",
      en: "In Bangun Desa, Putri, Gilang and Sari team up for the plastic-waste campaign. They pledge money and wood into a shared pool before the deadline, and the group dissolves once the campaign succeeds. Which form of cooperation is this?",
    },
    options: ["bargaining", "toleransi", "koalisi", "jointVenture", "arbitrase"],
    answer: 2,
    explanation: {
      id: "Tiga pemain bergabung sementara untuk satu tujuan lalu bubar: koalisi. Bukan joint venture, karena joint venture adalah usaha dua pihak dengan bagi hasil, bukan kas bersama untuk sebuah kampanye.",
      en: "Three players join up for a while for one goal, then dissolve: koalisi. It is not a joint venture, which is a two-party business with a profit split, not a shared pool for a campaign.",
    },
  },
  {
    id: "q-kl-05",
    tag: "koalisi",
    stem: {
      id: "Menjelang pemilihan bupati, tiga partai politik sepakat bersama-sama mendukung satu pasangan calon. Kerja sama mereka hanya berlaku sampai pemilihan selesai. Ini contoh …",
      en: "Before the election of a bupati (regent), three political parties agree to back one pair of candidates together. Their cooperation only lasts until the election is over. This is an example of …",
    },
    options: ["gotongRoyong", "kompromi", "kooptasi", "koalisi", "bargaining"],
    answer: 3,
    explanation: {
      id: "Beberapa partai bergabung untuk sementara demi satu tujuan: koalisi. Bukan kooptasi, karena partai-partai itu bergabung sebagai pihak yang setara, tidak ada yang dimasukkan ke dalam struktur pihak lain.",
      en: "Several parties join forces for a while towards one goal: koalisi. It is not kooptasi, because the parties join as equals; none is brought into another's structure.",
    },
  },
  {
    id: "q-kl-06",
    tag: "koalisi",
    stem: {
      id: "Tiga sekolah di satu kecamatan bekerja sama membuat pentas seni gabungan untuk memperingati Hari Pendidikan Nasional. Setiap sekolah menyumbang penampil dan dana, dan kerja sama itu selesai setelah acara. Bentuk kerja sama apakah ini?",
      en: "Three schools in one district work together to put on a joint arts show for National Education Day. Each school contributes performers and money, and the cooperation ends after the show. Which form of cooperation is this?",
    },
    options: ["mediasi", "jointVenture", "arbitrase", "kooptasi", "koalisi"],
    answer: 4,
    explanation: {
      id: "Beberapa pihak bergabung sementara untuk satu acara: koalisi. Bukan joint venture, karena lebih dari dua pihak terlibat dan mereka tidak mendirikan usaha yang membagi keuntungan.",
      en: "Several parties join up for a while for one event: koalisi. It is not a joint venture, because more than two parties take part and they do not found a business that shares a profit.",
    },
  },
  {
    id: "q-kl-07",
    tag: "koalisi",
    stem: {
      id: "Dalam Bangun Desa, empat warga bergabung untuk pameran produk desa. Mereka mengumpulkan uang, batu, dan beras ke kas bersama sampai tujuannya tercapai, lalu kelompok itu bubar. Bentuk kerja sama apa ini?",
      en: "In Bangun Desa, four villagers team up for the village product fair. They pool money, stone and rice into a shared fund until the goal is reached, and then the group dissolves. Which form of cooperation is this?",
    },
    options: ["koalisi", "jointVenture", "bargaining", "koersi", "kompromi"],
    answer: 0,
    explanation: {
      id: "Beberapa pemain menyatukan sumbangan untuk sementara demi satu tujuan bernama: koalisi. Bukan bargaining, karena mereka tidak saling menukar barang; semua menyumbang ke kas yang sama.",
      en: "Several players pool their pledges for a while towards one named goal: koalisi. It is not bargaining, because they do not swap goods with each other; they all give to the same fund.",
    },
  },
  {
    id: "q-kl-08",
    tag: "koalisi",
    stem: {
      id: "Dua bank sampah, sebuah toko swalayan, dan kelompok PKK di satu kota bergabung selama tiga bulan untuk gerakan “Bawa Tas Belanja Sendiri”. Setelah gerakan selesai, mereka kembali berjalan sendiri-sendiri. Ini contoh …",
      en: "Two waste banks, a supermarket and the PKK (women's family-welfare group) in one town join up for three months for a “Bring Your Own Shopping Bag” drive. When the drive ends, they go their own ways again. This is an example of …",
    },
    options: ["bargaining", "koalisi", "konsiliasi", "toleransi", "kooptasi"],
    answer: 1,
    explanation: {
      id: "Beberapa pihak bergabung untuk sementara demi satu tujuan: koalisi. Bukan konsiliasi, karena tidak ada perselisihan yang sedang didamaikan.",
      en: "Several parties join forces for a while towards one goal: koalisi. It is not konsiliasi, because there is no dispute being settled.",
    },
  },

  // — Joint venture —
  {
    id: "q-jv-01",
    tag: "jointVenture",
    stem: {
      id: "Sebuah perusahaan otomotif Indonesia dan sebuah perusahaan Jepang mendirikan pabrik bersama untuk membuat motor listrik. Keduanya menanam modal dan membagi keuntungan sesuai perjanjian. Bentuk kerja sama apakah ini?",
      en: "An Indonesian car company and a Japanese company set up a factory together to make electric motorbikes. Both put in capital and share the profit as agreed. Which form of cooperation is this?",
    },
    options: ["koalisi", "kooptasi", "jointVenture", "bargaining", "mediasi"],
    answer: 2,
    explanation: {
      id: "Dua perusahaan menjalankan satu proyek bersama dengan modal dan keuntungan yang dibagi: joint venture. Bukan koalisi, karena mereka tidak sekadar bergabung sementara untuk satu kampanye atau acara; mereka mendirikan usaha bersama.",
      en: "Two companies run one project together, sharing capital and profit: a joint venture. It is not koalisi, because they do not just join up for a while for a campaign or event; they found a business together.",
    },
  },
  {
    id: "q-jv-02",
    tag: "jointVenture",
    stem: {
      id: "Koperasi petani kopi di Gayo dan sebuah perusahaan dari Belanda bekerja sama mengolah dan mengekspor kopi arabika. Koperasi menyediakan biji kopi, perusahaan Belanda menyediakan mesin dan pembeli, dan keuntungan dibagi sesuai kontrak. Ini contoh …",
      en: "A coffee farmers' koperasi (co-operative) in Gayo and a Dutch company work together to process and export arabica coffee. The koperasi supplies the beans, the Dutch company the machines and the buyers, and the profit is shared as the contract says. This is an example of …",
    },
    options: ["gotongRoyong", "arbitrase", "koalisi", "jointVenture", "kooptasi"],
    answer: 3,
    explanation: {
      id: "Dua organisasi menjalankan satu usaha tertentu dan membagi hasilnya: joint venture. Bukan gotong royong, karena kerja sama ini mencari keuntungan yang dibagi menurut kontrak, bukan kerja sukarela.",
      en: "Two organisations run one particular business and share what it earns: a joint venture. It is not gotong royong, because this cooperation seeks a profit shared by contract; it is not voluntary work.",
    },
  },
  {
    id: "q-jv-03",
    tag: "jointVenture",
    stem: {
      id: "Dalam Bangun Desa, Rudi (petani) dan Nia (pedagang) mendirikan penggilingan padi. Saat menandatangani perjanjian, mereka menetapkan bagi hasil 60:40, dan masing-masing memasukkan tenaga setiap musim. Bentuk kerja sama apa ini?",
      en: "In Bangun Desa, Rudi (a petani) and Nia (a pedagang) found a penggilingan padi (rice mill). When they sign, they fix a 60:40 profit split, and each puts in tenaga (energy) every season. Which form of cooperation is this?",
    },
    options: ["bargaining", "koersi", "koalisi", "toleransi", "jointVenture"],
    answer: 4,
    explanation: {
      id: "Dua pihak menjalankan satu usaha bersama dengan bagi hasil yang ditetapkan di awal: joint venture. Bukan bargaining: mereka memang bersepakat soal bagi hasil, tetapi yang terbentuk adalah usaha yang berjalan beberapa musim, bukan tukar-menukar sekali.",
      en: "Two parties run one shared business with a profit split fixed at the start: a joint venture. It is not bargaining: they did agree on the split, but what they set up is a business that runs for several seasons, not a one-off swap.",
    },
  },
  {
    id: "q-jv-04",
    tag: "jointVenture",
    stem: {
      id: "Sebuah perusahaan Indonesia dan sebuah perusahaan Korea Selatan mendirikan perusahaan patungan untuk membangun pabrik baterai kendaraan listrik. Bentuk kerja sama apakah ini?",
      en: "An Indonesian company and a South Korean company set up a jointly owned company to build an electric-vehicle battery factory. Which form of cooperation is this?",
    },
    options: ["jointVenture", "kompromi", "kooptasi", "koalisi", "ajudikasi"],
    answer: 0,
    explanation: {
      id: "Perusahaan patungan dua pihak untuk satu proyek tertentu adalah joint venture. Bukan kooptasi, karena tidak ada pihak yang dimasukkan ke dalam struktur pihak lain; keduanya mendirikan usaha baru bersama.",
      en: "A jointly owned company of two parties for one particular project is a joint venture. It is not kooptasi, because neither is brought into the other's structure; together they found a new business.",
    },
  },
  {
    id: "q-jv-05",
    tag: "jointVenture",
    stem: {
      id: "Pak Anton, pemilik bengkel, dan sebuah toko suku cadang di kota sepakat membuka bengkel motor listrik bersama. Pak Anton menyediakan tempat dan montir, toko itu menyediakan alat dan suku cadang, lalu keuntungan dibagi 50:50. Ini contoh …",
      en: "Pak Anton, who owns a repair shop, and a spare-parts store in town agree to open an electric motorbike workshop together. Pak Anton provides the place and the mechanics, the store provides tools and parts, and the profit is split 50:50. This is an example of …",
    },
    options: ["mediasi", "jointVenture", "gotongRoyong", "koalisi", "bargaining"],
    answer: 1,
    explanation: {
      id: "Dua pihak menjalankan satu usaha bersama dan membagi keuntungannya: joint venture. Bukan bargaining, karena mereka tidak hanya bertukar barang sekali; mereka menjalankan usaha bersama.",
      en: "Two parties run one business together and share its profit: a joint venture. It is not bargaining, because they do not just swap goods once; they run a business together.",
    },
  },
  {
    id: "q-jv-06",
    tag: "jointVenture",
    stem: {
      id: "Sebuah rumah produksi film Indonesia dan sebuah studio dari Malaysia bekerja sama membuat satu film animasi. Biaya pembuatan ditanggung berdua, dan pendapatan dari penayangan dibagi sesuai perjanjian. Bentuk kerja sama apa ini?",
      en: "An Indonesian film production house and a Malaysian studio work together to make one animated film. They share the cost of making it, and the income from screenings is split as agreed. Which form of cooperation is this?",
    },
    options: ["toleransi", "koalisi", "jointVenture", "konsiliasi", "kooptasi"],
    answer: 2,
    explanation: {
      id: "Dua organisasi bekerja sama dalam satu proyek tertentu, dengan biaya dan hasil yang dibagi: joint venture. Bukan koalisi, karena koalisi menghimpun beberapa pihak untuk sementara demi satu tujuan seperti kampanye; di sini dua perusahaan berbagi modal dan hasil sebuah proyek usaha.",
      en: "Two organisations cooperate on one particular project, sharing cost and income: a joint venture. It is not koalisi, which gathers several parties for a while towards a goal such as a campaign; here two companies share the capital and income of a business project.",
    },
  },
  {
    id: "q-jv-07",
    tag: "jointVenture",
    stem: {
      id: "Dalam Bangun Desa, Tono mengajak Maya mendirikan usaha ekspor kopi. Mereka sepakat Tono mendapat 40% dan Maya 60% dari hasilnya. Ketika Maya lupa memasukkan tenaga, usaha itu macet dan tidak memberi hasil pada musim itu. Bentuk kerja sama apakah ini?",
      en: "In Bangun Desa, Tono invites Maya to found an ekspor kopi (coffee export) business. They agree that Tono gets 40% of what it makes and Maya 60%. When Maya forgets to put in her tenaga, the business stalls and pays nothing that season. Which form of cooperation is this?",
    },
    options: ["kooptasi", "gotongRoyong", "arbitrase", "jointVenture", "koalisi"],
    answer: 3,
    explanation: {
      id: "Dua pihak, satu usaha, dan bagi hasil yang ditetapkan di awal: joint venture. Bukan koalisi, karena koalisi di permainan ini butuh paling sedikit 3 anggota yang mengumpulkan sumbangan untuk satu tujuan.",
      en: "Two parties, one business, and a profit split fixed at the start: a joint venture. It is not koalisi, which in this game needs at least 3 members pooling pledges for one goal.",
    },
  },
  {
    id: "q-jv-08",
    tag: "jointVenture",
    stem: {
      id: "Sebuah hotel di Labuan Bajo dan sebuah agen perjalanan dari Australia membangun resor bersama. Hotel menyediakan lahan dan pegawai, agen perjalanan menyediakan modal dan tamu, dan keuntungan dibagi menurut kontrak. Ini contoh …",
      en: "A hotel in Labuan Bajo and an Australian travel agency build a resort together. The hotel provides the land and staff, the agency the capital and the guests, and the profit is shared by contract. This is an example of …",
    },
    options: ["kompromi", "bargaining", "kooptasi", "mediasi", "jointVenture"],
    answer: 4,
    explanation: {
      id: "Dua perusahaan menjalankan satu proyek usaha bersama dengan keuntungan yang dibagi: joint venture. Bukan bargaining, karena mereka tidak sekadar menawar harga satu transaksi; mereka menjalankan usaha bersama dalam jangka panjang.",
      en: "Two companies run one business project together and share the profit: a joint venture. It is not bargaining, because they do not just haggle over one sale; they run a business together for the long term.",
    },
  },

  // — Faktor pendorong kerja sama —
  {
    id: "q-fa-01",
    tag: "factor:kepercayaan",
    stem: {
      id: "Rina dan Dodi sama-sama ingin membuka usaha keripik singkong, dan mereka sudah membagi tugas: Rina memasak, Dodi berjualan. Namun Rina ragu menyerahkan uang modalnya, karena Dodi pernah dua kali tidak menepati janji. Faktor pendorong kerja sama apa yang belum ada di antara mereka?",
      en: "Rina and Dodi both want to start a cassava-chip business, and they have already split the jobs: Rina cooks, Dodi sells. But Rina is unsure about handing over her share of the money, because Dodi has broken his promises twice. Which factor that makes cooperation happen is still missing between them?",
    },
    options: ["kepercayaan", "tujuanSama", "berbagiPeran", NOT_A_FACTOR.persaingan, NOT_A_FACTOR.paksaan],
    answer: 0,
    explanation: {
      id: "Kerja sama membutuhkan kepercayaan antarpihak: yakin bahwa pihak lain menepati janji. Tujuan yang sama (usaha keripik) dan pembagian peran sudah ada dalam cerita, jadi yang kurang adalah kepercayaan.",
      en: "Cooperation needs trust between the parties: being sure the other side keeps its promises. The shared goal (the chip business) and the split of roles are already in the story, so what is missing is trust.",
    },
  },
  {
    id: "q-fa-02",
    tag: "factor:salingMembutuhkan",
    stem: {
      id: "Pak Made pandai menanam sayur tetapi tidak punya kendaraan. Pak Yusuf punya mobil bak terbuka tetapi tidak punya kebun. Keduanya sadar bahwa mereka tidak bisa menjual sayur ke kota sendirian, lalu mereka bekerja sama. Faktor apa yang paling mendorong kerja sama mereka?",
      en: "Pak Made is good at growing vegetables but has no vehicle. Pak Yusuf has a pick-up truck but no garden. Both realise they cannot sell vegetables in town on their own, so they work together. Which factor drives their cooperation most?",
    },
    options: [
      NOT_A_FACTOR.menangSendiri,
      "salingMembutuhkan",
      NOT_A_FACTOR.takutDihukum,
      NOT_A_FACTOR.persaingan,
      NOT_A_FACTOR.upah,
    ],
    answer: 1,
    explanation: {
      id: "Masing-masing punya yang tidak dimiliki yang lain dan sadar tidak bisa berhasil sendirian: kesadaran untuk saling membutuhkan. Keinginan untuk menang sendiri justru membuat orang enggan bekerja sama.",
      en: "Each has what the other lacks, and both know they cannot succeed alone: knowing they need each other. Wanting to come out on top alone would stop people cooperating instead.",
    },
  },
  {
    id: "q-fa-03",
    tag: "factor:berbagiPeran",
    stem: {
      id: "Kelas 7C menyiapkan bazar sekolah. Ada yang mau memasak, ada yang mau menghias stan, ada yang mau menjaga kasir, dan tidak ada yang memaksa mengerjakan semuanya sendiri. Faktor pendorong kerja sama apa yang paling tampak dari sikap mereka?",
      en: "Class 7C is getting ready for the school bazaar. Some are willing to cook, some to decorate the stall, some to run the till, and nobody insists on doing everything alone. Which factor that makes cooperation happen shows most clearly in their attitude?",
    },
    options: [
      NOT_A_FACTOR.persaingan,
      NOT_A_FACTOR.takutDihukum,
      "berbagiPeran",
      NOT_A_FACTOR.curiga,
      NOT_A_FACTOR.menangSendiri,
    ],
    answer: 2,
    explanation: {
      id: "Setiap siswa rela mengambil bagian tugasnya masing-masing: kerelaan untuk berbagi peran. Persaingan antarsiswa tidak tampak; mereka saling melengkapi, bukan saling mengalahkan.",
      en: "Every student willingly takes their own part of the job: willingness to share the roles. There is no competition here; they complete each other rather than trying to beat each other.",
    },
  },
  {
    id: "q-fa-04",
    tag: "factor:tujuanSama",
    stem: {
      id: "Seluruh warga RT 02 ingin lingkungan mereka bebas dari demam berdarah. Karena semua menginginkan hal yang sama, setiap Jumat mereka bersama-sama menguras bak mandi, menutup tempat penampungan air, dan membersihkan got. Faktor pendorong kerja sama apa yang paling jelas terlihat?",
      en: "Everyone in RT 02 wants their neighbourhood free of dengue fever. Because they all want the same thing, every Friday they empty water tubs, cover water containers and clean the gutters together. Which factor that makes cooperation happen shows most clearly?",
    },
    options: [
      NOT_A_FACTOR.curiga,
      NOT_A_FACTOR.paksaan,
      NOT_A_FACTOR.persaingan,
      "tujuanSama",
      NOT_A_FACTOR.menangSendiri,
    ],
    answer: 3,
    explanation: {
      id: "Semua warga menginginkan hal yang sama, yaitu lingkungan bebas demam berdarah: tujuan yang sama. Tidak ada paksaan dari pihak yang lebih kuat; warga bergerak karena keinginan mereka sendiri.",
      en: "All the residents want the same thing, a neighbourhood free of dengue: a shared goal. Nobody stronger forces them; they act because they want to.",
    },
  },
  {
    id: "q-fa-05",
    tag: "factor:solidaritasSosial",
    stem: {
      id: "Ketika rumah keluarga Pak Budi terbakar, warga satu kampung ikut merasa sedih. Tanpa diminta, mereka mengumpulkan pakaian, makanan, dan uang untuk keluarga itu karena merasa senasib sebagai tetangga. Faktor apa yang paling mendorong bantuan mereka?",
      en: "When Pak Budi's family home burns down, the whole kampung shares their sorrow. Without being asked, people collect clothes, food and money for the family, because as neighbours they feel they share the same fate. Which factor drives their help most?",
    },
    options: [
      NOT_A_FACTOR.upah,
      NOT_A_FACTOR.paksaan,
      NOT_A_FACTOR.persaingan,
      NOT_A_FACTOR.curiga,
      "solidaritasSosial",
    ],
    answer: 4,
    explanation: {
      id: "Rasa setia kawan dan senasib menggerakkan warga untuk menolong: solidaritas sosial. Mereka tidak menolong karena ingin mendapat upah; bantuan diberikan tanpa imbalan.",
      en: "A feeling of standing together and sharing the same fate moves people to help: social solidarity. They do not help to be paid; the help is given freely.",
    },
  },

  // — Tujuan kerja sama —
  {
    id: "q-pu-01",
    tag: "purpose:tujuanBersama",
    stem: {
      id: "Sungai di Desa Wonorejo memisahkan sawah dan permukiman. Membangun jembatan di atasnya butuh banyak tenaga, bahan, dan biaya, sehingga tidak ada satu keluarga pun yang sanggup sendirian. Dengan bekerja sama, seluruh warga akhirnya bisa membangunnya. Tujuan kerja sama apa yang paling sesuai dengan cerita ini?",
      en: "A river in Wonorejo village separates the rice fields from the houses. Building a bridge over it takes so much labour, material and money that no family could manage it alone. By working together, all the villagers finally build it. Which purpose of cooperation fits this story best?",
    },
    options: [
      "tujuanBersama",
      NOT_A_PURPOSE.kalahkan,
      NOT_A_PURPOSE.untungSendiri,
      NOT_A_PURPOSE.tunduk,
      NOT_A_PURPOSE.terkenal,
    ],
    answer: 0,
    explanation: {
      id: "Jembatan tidak bisa dibangun satu keluarga, tetapi bisa dibangun bersama-sama: mencapai tujuan bersama, sesuatu yang mustahil diraih satu keluarga saja. Tidak ada yang mencari untung untuk diri sendiri; jembatan itu dipakai semua warga.",
      en: "No single family could build the bridge, but together they can: reaching a shared goal that nobody could reach alone. Nobody is making a profit for themselves; the whole village uses the bridge.",
    },
  },
  {
    id: "q-pu-02",
    tag: "purpose:keharmonisan",
    stem: {
      id: "Dua kelompok remaja di sebuah kompleks dulu sering saling mengejek. Setelah beberapa bulan bergantian menjaga perpustakaan kampung bersama, mereka jadi saling memahami dan hampir tidak pernah bertengkar lagi. Tujuan kerja sama apa yang paling terlihat?",
      en: "Two groups of teenagers in a housing estate used to tease each other a lot. After a few months of taking turns looking after the kampung library together, they understand each other and hardly ever quarrel any more. Which purpose of cooperation shows most?",
    },
    options: [
      NOT_A_PURPOSE.kalahkan,
      "keharmonisan",
      NOT_A_PURPOSE.untungSendiri,
      NOT_A_PURPOSE.tunduk,
      NOT_A_PURPOSE.pengadilan,
    ],
    answer: 1,
    explanation: {
      id: "Kerja sama mengurangi pertengkaran dan membuat mereka saling memahami: menjaga keharmonisan sosial. Tidak ada kelompok yang dikalahkan atau dibuat tunduk; keduanya menjadi rukun.",
      en: "Working together cuts the quarrels and helps them understand each other: keeping social harmony. Neither group is beaten or made to give in; they get along.",
    },
  },
  {
    id: "q-pu-03",
    tag: "purpose:persatuan",
    stem: {
      id: "Warga Perumahan Griya Asri berasal dari banyak daerah dan awalnya jarang bertegur sapa. Setelah bersama-sama menyiapkan lomba 17 Agustus, mereka merasa menjadi satu keluarga besar dan makin kompak. Tujuan kerja sama apa yang paling terlihat?",
      en: "The residents of the Griya Asri housing estate come from many regions and at first hardly greet each other. After preparing the 17 August games together, they feel like one big family and pull together more. Which purpose of cooperation shows most?",
    },
    options: [
      NOT_A_PURPOSE.terkenal,
      NOT_A_PURPOSE.kalahkan,
      "persatuan",
      NOT_A_PURPOSE.untungSendiri,
      NOT_A_PURPOSE.tunduk,
    ],
    answer: 2,
    explanation: {
      id: "Bekerja bersama membuat warga merasa menjadi satu kelompok yang kompak: menumbuhkan rasa persatuan. Lomba itu bukan untuk membuat satu orang terkenal; yang tumbuh adalah kebersamaan warga.",
      en: "Working together makes the residents feel they are one close group: growing a sense of unity. The games are not about making one person famous; what grows is the residents' togetherness.",
    },
  },
  {
    id: "q-pu-04",
    tag: "purpose:efisiensi",
    stem: {
      id: "Memanen padi di sawah Pak Tarno biasanya memakan waktu seminggu jika dikerjakan keluarganya sendiri. Tahun ini sepuluh tetangga ikut membantu, dan panen selesai dalam satu hari. Tujuan kerja sama apa yang paling terlihat?",
      en: "Harvesting Pak Tarno's rice field usually takes his family a week on their own. This year ten neighbours help, and the harvest is done in one day. Which purpose of cooperation shows most?",
    },
    options: [
      NOT_A_PURPOSE.tunduk,
      NOT_A_PURPOSE.terkenal,
      NOT_A_PURPOSE.kalahkan,
      "efisiensi",
      NOT_A_PURPOSE.pengadilan,
    ],
    answer: 3,
    explanation: {
      id: "Pekerjaan berat yang biasanya makan seminggu selesai dalam sehari: meningkatkan efektivitas dan efisiensi kerja. Tidak ada kelompok lain yang dikalahkan; yang berubah adalah kecepatan kerja.",
      en: "A heavy job that usually takes a week is done in a day: working more effectively and efficiently. Nobody is being beaten; what changes is how fast the work gets done.",
    },
  },
  {
    id: "q-pu-05",
    tag: "purpose:kesejahteraan",
    stem: {
      id: "Para petani di Desa Sumberrejo mendirikan koperasi. Lewat koperasi, mereka bisa membeli pupuk lebih murah dan meminjam modal dengan bunga ringan, sehingga penghasilan keluarga mereka naik. Tujuan kerja sama apa yang paling terlihat?",
      en: "The farmers of Sumberrejo village set up a koperasi (co-operative). Through it they can buy fertiliser more cheaply and borrow money at low interest, so their families earn more. Which purpose of cooperation shows most?",
    },
    options: [
      NOT_A_PURPOSE.pengadilan,
      NOT_A_PURPOSE.tunduk,
      NOT_A_PURPOSE.terkenal,
      NOT_A_PURPOSE.kalahkan,
      "kesejahteraan",
    ],
    answer: 4,
    explanation: {
      id: "Koperasi membuat ekonomi para anggotanya membaik: meningkatkan kesejahteraan masyarakat. Koperasi tidak mencari untung untuk satu orang; hasilnya dirasakan semua anggota.",
      en: "The koperasi improves its members' livelihoods: raising people's welfare. It does not make a profit for one person; all its members benefit.",
    },
  },
];

/** The whole bank, with every option written out in both languages. */
export const QUIZ: readonly QuizItem[] = SOURCES.map((source) => {
  const [a, b, c, d, e] = source.options;
  return { ...source, options: [optionText(a), optionText(b), optionText(c), optionText(d), optionText(e)] };
});

const QUIZ_BY_ID = new Map(QUIZ.map((item) => [item.id, item]));

/** The item with this id, or undefined. */
export function quizItem(id: string): QuizItem | undefined {
  return QUIZ_BY_ID.get(id);
}

/** Fisher–Yates shuffle of a copy, drawing from the seeded RNG. */
function shuffled<T>(items: readonly T[], rng: { rng: number }): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Draw `count` distinct items for one student, the same every time for the same seed. The first five
 * picks are one item on each form (so a 10-item quiz always covers all five forms); the rest come from
 * the whole remaining bank, factors and purposes included; the result is shuffled. Throws a RangeError
 * for a count that is not a whole number between 1 and the size of the bank.
 */
export function drawQuiz(seed: number, count = QUIZ_LENGTH): QuizItem[] {
  if (!Number.isInteger(count) || count < 1 || count > QUIZ.length) {
    throw new RangeError(`drawQuiz: count must be a whole number from 1 to ${QUIZ.length}, got ${count}`);
  }
  const rng = { rng: seedFrom(seed) };
  const picked: QuizItem[] = [];
  for (const form of shuffled(FORMS, rng).slice(0, count)) {
    const onForm = QUIZ.filter((item) => item.tag === form);
    picked.push(onForm[randomInt(rng, onForm.length)]!);
  }
  const rest = shuffled(
    QUIZ.filter((item) => !picked.includes(item)),
    rng,
  );
  picked.push(...rest.slice(0, count - picked.length));
  return shuffled(picked, rng);
}

/**
 * One student's quiz after a game: drawn from the game's seed and the student's seat, so each seat
 * gets its own items and a reload (or a second device) draws the same ones.
 */
export function quizForSeat(gameSeed: number, seatId: string): QuizItem[] {
  let h = gameSeed >>> 0;
  for (const ch of seatId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return drawQuiz(h);
}

/** Why a set of answers cannot be scored (values, so a caller can report them; no exceptions). */
export const QUIZ_ERRORS = {
  lengthMismatch: "lengthMismatch",
  unknownItem: "unknownItem",
  duplicateItem: "duplicateItem",
  badAnswer: "badAnswer",
} as const;
export type QuizError = keyof typeof QUIZ_ERRORS;

export interface QuizItemResult {
  itemId: string;
  tag: QuizTag;
  /** The option the student chose, or null when the item was left unanswered. */
  chosen: QuizAnswer | null;
  answer: QuizAnswer;
  correct: boolean;
}

export type QuizScore =
  | { ok: true; correct: number; total: number; results: QuizItemResult[] }
  | {
      ok: false;
      error: QuizError;
      /** Position in `itemIds` / `answers` of the first bad entry (for lengthMismatch: the shorter length). */
      at: number;
      message: string;
    };

/**
 * Score a student's answers. `answers[i]` is the chosen option (0 = A … 4 = E) for `itemIds[i]`, or
 * null when left blank (counted as wrong). Unknown or repeated item ids, answers outside 0–4 and lists
 * of different lengths are refused with an error value rather than scored.
 */
export function scoreQuiz(itemIds: readonly string[], answers: readonly (number | null)[]): QuizScore {
  if (itemIds.length !== answers.length) {
    return {
      ok: false,
      error: "lengthMismatch",
      at: Math.min(itemIds.length, answers.length),
      message: `${itemIds.length} items but ${answers.length} answers`,
    };
  }
  const seen = new Set<string>();
  const results: QuizItemResult[] = [];
  for (const [at, itemId] of itemIds.entries()) {
    const item = quizItem(itemId);
    if (!item) return { ok: false, error: "unknownItem", at, message: `no quiz item "${itemId}"` };
    if (seen.has(itemId)) return { ok: false, error: "duplicateItem", at, message: `"${itemId}" twice` };
    seen.add(itemId);
    const chosen = answers[at] ?? null;
    if (chosen !== null && !isAnswer(chosen)) {
      return { ok: false, error: "badAnswer", at, message: `answer ${chosen} for "${itemId}" is not 0–4` };
    }
    results.push({ itemId, tag: item.tag, chosen, answer: item.answer, correct: chosen === item.answer });
  }
  return { ok: true, correct: results.filter((r) => r.correct).length, total: results.length, results };
}

function isAnswer(value: number): value is QuizAnswer {
  return Number.isInteger(value) && value >= 0 && value < QUIZ_LETTERS.length;
}
