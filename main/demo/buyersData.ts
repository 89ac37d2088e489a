/** Demo buyers: the mix of a Yiwu stall's visitors (31 countries). */
export interface DemoBuyer {
  company: string;
  country: string;
  city: string;
  currency: string;
  docLanguage: 'en' | 'zh' | 'ar' | 'es' | 'ru' | 'fr' | 'pt';
  contact: string;
  role: string;
  tags: string[];
  wechat?: string;
  agent?: string;
}

export const DEMO_BUYERS: DemoBuyer[] = [
  { company: 'Al Noor General Trading LLC', country: 'AE', city: 'Dubai', currency: 'USD', docLanguage: 'ar', contact: 'محمد الحسن', role: 'Owner', tags: ['wholesale', 'VIP'], wechat: 'alnoor_dxb' },
  { company: 'شركة الفجر للتجارة', country: 'SA', city: 'Jeddah', currency: 'SAR', docLanguage: 'ar', contact: 'عبدالله القحطاني', role: 'Purchasing manager', tags: ['wholesale'] },
  { company: 'Cairo Star Import & Export', country: 'EG', city: 'Cairo', currency: 'USD', docLanguage: 'ar', contact: 'أحمد مصطفى', role: 'Director', tags: ['container'] },
  { company: 'Lagos Mega Stores Ltd', country: 'NG', city: 'Lagos', currency: 'USD', docLanguage: 'en', contact: 'Chinedu Okafor', role: 'CEO', tags: ['container', 'VIP'], agent: 'Yiwu Sunrise Agency' },
  { company: 'Kano Household Supplies', country: 'NG', city: 'Kano', currency: 'USD', docLanguage: 'en', contact: 'Aminu Bello', role: 'Buyer', tags: ['mixed container'] },
  { company: 'Nairobi Smart Traders', country: 'KE', city: 'Nairobi', currency: 'KES', docLanguage: 'en', contact: 'Grace Wanjiru', role: 'Owner', tags: ['retail chain'] },
  { company: 'Accra Fashion Hub', country: 'GH', city: 'Accra', currency: 'USD', docLanguage: 'en', contact: 'Kwame Mensah', role: 'Buyer', tags: ['accessories'] },
  { company: 'Dakar Bazar SARL', country: 'SN', city: 'Dakar', currency: 'EUR', docLanguage: 'fr', contact: 'Moussa Diop', role: 'Gérant', tags: ['wholesale'] },
  { company: 'Casablanca Déco', country: 'MA', city: 'Casablanca', currency: 'EUR', docLanguage: 'fr', contact: 'Youssef El Amrani', role: 'Acheteur', tags: ['festival'] },
  { company: 'Luanda Comercial Lda', country: 'AO', city: 'Luanda', currency: 'USD', docLanguage: 'pt', contact: 'João Baptista', role: 'Diretor', tags: ['container'] },
  { company: 'ООО «Восток Трейд»', country: 'RU', city: 'Москва', currency: 'RUB', docLanguage: 'ru', contact: 'Алексей Смирнов', role: 'Закупщик', tags: ['VIP'], wechat: 'vostok_trade' },
  { company: 'ТОО «Алматы Импорт»', country: 'KZ', city: 'Almaty', currency: 'USD', docLanguage: 'ru', contact: 'Айгерим Нурланова', role: 'Менеджер', tags: ['wholesale'] },
  { company: 'Ташкент Базар Групп', country: 'UZ', city: 'Tashkent', currency: 'USD', docLanguage: 'ru', contact: 'Рустам Каримов', role: 'Director', tags: ['hardware'] },
  { company: 'Distribuidora El Sol S.A. de C.V.', country: 'MX', city: 'Ciudad de México', currency: 'MXN', docLanguage: 'es', contact: 'María Fernández', role: 'Compras', tags: ['toys'] },
  { company: 'Importadora Andina SAC', country: 'PE', city: 'Lima', currency: 'USD', docLanguage: 'es', contact: 'José Quispe', role: 'Gerente', tags: ['container'] },
  { company: 'Comercial Bogotá Ltda.', country: 'CO', city: 'Bogotá', currency: 'USD', docLanguage: 'es', contact: 'Andrés Gómez', role: 'Comprador', tags: ['wholesale'] },
  { company: 'Santiago Regalos SpA', country: 'CL', city: 'Santiago', currency: 'USD', docLanguage: 'es', contact: 'Camila Muñoz', role: 'Dueña', tags: ['festival'] },
  { company: 'Presentes São Paulo Ltda', country: 'BR', city: 'São Paulo', currency: 'BRL', docLanguage: 'pt', contact: 'Luís Gonçalves', role: 'Sócio', tags: ['accessories', 'VIP'] },
  { company: 'PT Sinar Jaya Abadi', country: 'ID', city: 'Jakarta', currency: 'USD', docLanguage: 'en', contact: 'Budi Santoso', role: 'Purchasing', tags: ['kitchen'] },
  { company: 'Bangkok Gift House Co., Ltd.', country: 'TH', city: 'Bangkok', currency: 'THB', docLanguage: 'en', contact: 'Somchai Prasert', role: 'Owner', tags: ['retail chain'] },
  { company: 'Saigon Home Goods JSC', country: 'VN', city: 'Ho Chi Minh City', currency: 'USD', docLanguage: 'en', contact: 'Nguyễn Văn An', role: 'Buyer', tags: ['kitchen'] },
  { company: 'Manila Bright Trading Corp.', country: 'PH', city: 'Manila', currency: 'USD', docLanguage: 'en', contact: 'Maria Santos', role: 'Manager', tags: ['toys'] },
  { company: 'Mumbai Fancy Store', country: 'IN', city: 'Mumbai', currency: 'INR', docLanguage: 'en', contact: 'Rahul Sharma', role: 'Proprietor', tags: ['accessories'] },
  { company: 'Karachi Hardware Mart', country: 'PK', city: 'Karachi', currency: 'USD', docLanguage: 'en', contact: 'Imran Khan', role: 'Owner', tags: ['hardware'] },
  { company: 'Baghdad Al-Rafidain Co.', country: 'IQ', city: 'Baghdad', currency: 'USD', docLanguage: 'ar', contact: 'علي حسين', role: 'مدير', tags: ['container'] },
  { company: 'Amman Trading Est.', country: 'JO', city: 'Amman', currency: 'USD', docLanguage: 'ar', contact: 'خالد العبادي', role: 'Owner', tags: ['watches'] },
  { company: 'Istanbul Toptan Ltd. Şti.', country: 'TR', city: 'İstanbul', currency: 'USD', docLanguage: 'en', contact: 'Mehmet Yılmaz', role: 'Buyer', tags: ['sunglasses'] },
  { company: 'Warszawa Import Sp. z o.o.', country: 'PL', city: 'Warszawa', currency: 'EUR', docLanguage: 'en', contact: 'Piotr Kowalski', role: 'Purchasing', tags: ['festival'] },
  { company: 'Hamburg Handelshaus GmbH', country: 'DE', city: 'Hamburg', currency: 'EUR', docLanguage: 'en', contact: 'Jürgen Müller', role: 'Einkauf', tags: ['kitchen'] },
  { company: 'Madrid Bazar Oriental S.L.', country: 'ES', city: 'Madrid', currency: 'EUR', docLanguage: 'es', contact: 'Wang Li (王丽)', role: 'Dueña', tags: ['wholesale'], wechat: 'wangli_madrid' },
  { company: 'Dar es Salaam Supplies', country: 'TZ', city: 'Dar es Salaam', currency: 'USD', docLanguage: 'en', contact: 'Juma Mwinyi', role: 'Owner', tags: ['mixed container'] },
  { company: 'Addis Merkato Traders', country: 'ET', city: 'Addis Ababa', currency: 'USD', docLanguage: 'en', contact: 'Dawit Bekele', role: 'Buyer', tags: ['hardware'] },
];
