import type { NameCulture } from '../knowledge/entity';
import type { Random } from './random';

interface NamePool {
  given: readonly string[];
  family: readonly string[];
  /** Vietnamese and Japanese names put the family name first. */
  familyFirst: boolean;
}

/** Names for invented people, by the culture the scenario is set in rather than the language it is told in. */
const pools: Record<NameCulture, NamePool> = {
  english: {
    given: [
      'Eleanor',
      'Thomas',
      'Margaret',
      'Samuel',
      'Ada',
      'Henry',
      'Clara',
      'Edmund',
      'Harriet',
      'Owen',
      'Ruth',
      'Daniel',
    ],
    family: [
      'Whitlock',
      'Barrow',
      'Hale',
      'Marsh',
      'Thorne',
      'Pryce',
      'Calder',
      'Fenwick',
      'Ashby',
      'Lowell',
    ],
    familyFirst: false,
  },
  latin: {
    given: [
      'Marcus',
      'Julia',
      'Lucius',
      'Aurelia',
      'Gaius',
      'Flavia',
      'Titus',
      'Cornelia',
      'Quintus',
      'Livia',
    ],
    family: ['Severus', 'Valens', 'Aquila', 'Rufus', 'Varro', 'Crispus', 'Fabius', 'Albinus'],
    familyFirst: false,
  },
  french: {
    given: ['Jean', 'Marie', 'Étienne', 'Louise', 'Antoine', 'Camille', 'Henri', 'Sophie', 'Lucien', 'Adèle'],
    family: ['Dubois', 'Lefèvre', 'Marchand', 'Rousseau', 'Girard', 'Fontaine', 'Mercier'],
    familyFirst: false,
  },
  german: {
    given: ['Johann', 'Katharina', 'Konrad', 'Elisabeth', 'Heinrich', 'Margarethe', 'Ulrich', 'Agnes'],
    family: ['Fust', 'Schreiber', 'Weber', 'Keller', 'Brandt', 'Vogel', 'Amsel'],
    familyFirst: false,
  },
  vietnamese: {
    given: [
      'Văn An',
      'Thị Lan',
      'Minh Quang',
      'Thu Thảo',
      'Đức Hùng',
      'Ngọc Mai',
      'Gia Khánh',
      'Bảo Ngọc',
      'Hữu Phước',
      'Thanh Hương',
    ],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đỗ', 'Vũ', 'Đặng'],
    familyFirst: true,
  },
  japanese: {
    given: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Kaito', 'Mei', 'Daiki', 'Sakura'],
    family: ['Sato', 'Tanaka', 'Suzuki', 'Watanabe', 'Ito', 'Yamamoto', 'Kobayashi'],
    familyFirst: true,
  },
  chinese: {
    given: ['Wei', 'Lan', 'Jun', 'Mei', 'Hao', 'Ying', 'Zhen', 'Lin'],
    family: ['Zhang', 'Li', 'Wang', 'Chen', 'Liu', 'Zhao', 'Sun'],
    familyFirst: true,
  },
  greek: {
    given: ['Nikolaos', 'Eleni', 'Dimitrios', 'Sophia', 'Theodoros', 'Irene', 'Konstantinos', 'Anna'],
    family: ['Doukas', 'Palaiologos', 'Komnenos', 'Laskaris', 'Angelos', 'Phokas'],
    familyFirst: false,
  },
  arabic: {
    given: ['Yusuf', 'Layla', 'Omar', 'Amira', 'Tariq', 'Samira', 'Karim', 'Nadia'],
    family: ['al-Masri', 'Haddad', 'Nasser', 'Khalil', 'Rahman', 'Saleh'],
    familyFirst: false,
  },
  italian: {
    given: ['Lorenzo', 'Giulia', 'Marco', 'Chiara', 'Matteo', 'Francesca', 'Pietro', 'Elena'],
    family: ['Rossi', 'Bianchi', 'Conti', 'Ferrari', 'Moretti', 'Ricci', 'Gallo'],
    familyFirst: false,
  },
  spanish: {
    given: ['Diego', 'Lucía', 'Alonso', 'Isabel', 'Rodrigo', 'Carmen', 'Mateo', 'Inés'],
    family: ['García', 'Morales', 'Ortega', 'Navarro', 'Vargas', 'Castillo', 'Ruiz'],
    familyFirst: false,
  },
  mongol: {
    given: ['Temür', 'Sorghaghtani', 'Bayan', 'Khutulun', 'Arslan', 'Börte'],
    family: ['Borjigin', 'Jalayir', 'Khongirad'],
    familyFirst: false,
  },
};

/** Distinct invented names from the culture's pool. */
export function inventNames(culture: NameCulture, count: number, random: Random): string[] {
  const pool = pools[culture];
  const given = random.shuffle(pool.given);
  const family = random.shuffle(pool.family);
  return Array.from({ length: count }, (_, index) => {
    const first = given[index % given.length]!;
    const last = family[index % family.length]!;
    return pool.familyFirst ? `${last} ${first}` : `${first} ${last}`;
  });
}
