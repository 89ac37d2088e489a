/**
 * Demo catalog: real-looking Yiwu goods. Each entry: HS code, category,
 * names (zh, en, ar), material, unit, pcs per carton, carton cm, G.W. kg,
 * price CNY, and the drawing used for its photo.
 */
export interface DemoProduct {
  /**
   * The HS heading for what the product is (HS 2022, 6 digits), checked product by product:
   * toys 9503.00, an inflatable ball 9506.62, imitation jewellery 7117.19/.90, PU (plastic) belts
   * 3926.20, a tool set 8206.00, a tape measure 9017.80, a padlock 8301.10, a vacuum flask 9617.00,
   * quartz watches 9102.11/.12, a smart band 8517.62, spectacles 9004.10/.90, bags 4202, a power bank
   * 8507.60 (lithium-ion accumulators), earbuds 8518.30, a USB cable 8544.42, festive articles 9505.
   */
  hsCode: string;
  category: string;
  zh: string;
  en: string;
  ar: string;
  material: string;
  colors: string;
  unit: string;
  pcsPerCarton: number;
  pcsPerInner?: number;
  carton: [number, number, number];
  gwKg: number;
  priceCny: string;
  moq: number;
  shape: 'car' | 'ball' | 'bear' | 'ring' | 'watch' | 'glasses' | 'tool' | 'pot' | 'bag' | 'star' | 'pen' | 'phone';
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  // Toys
  { hsCode: '9503.00', category: 'Toys', zh: '惯性回力小汽车', en: 'Friction pull-back toy car', ar: 'سيارة لعبة بالاحتكاك', material: 'ABS plastic', colors: 'red, blue, yellow', unit: 'pcs', pcsPerCarton: 288, pcsPerInner: 24, carton: [62, 40, 45], gwKg: 14.5, priceCny: '2.35', moq: 288, shape: 'car' },
  { hsCode: '9503.00', category: 'Toys', zh: '遥控越野车 1:18', en: 'RC off-road car 1:18', ar: 'سيارة تحكم عن بعد للطرق الوعرة 1:18', material: 'ABS plastic, electronics', colors: 'red, green', unit: 'pcs', pcsPerCarton: 24, carton: [68, 45, 52], gwKg: 16.2, priceCny: '38.50', moq: 24, shape: 'car' },
  { hsCode: '9503.00', category: 'Toys', zh: '毛绒泰迪熊 30厘米', en: 'Plush teddy bear 30 cm', ar: 'دبدوب قطيفة 30 سم', material: 'polyester plush, PP cotton', colors: 'brown, white, pink', unit: 'pcs', pcsPerCarton: 60, carton: [80, 50, 60], gwKg: 9.8, priceCny: '12.80', moq: 60, shape: 'bear' },
  { hsCode: '9506.62', category: 'Toys', zh: '充气沙滩球', en: 'Inflatable beach ball', ar: 'كرة شاطئ قابلة للنفخ', material: 'PVC', colors: 'rainbow', unit: 'pcs', pcsPerCarton: 500, carton: [50, 40, 35], gwKg: 12.0, priceCny: '0.85', moq: 500, shape: 'ball' },
  { hsCode: '9503.00', category: 'Toys', zh: '泡泡枪带灯光', en: 'Bubble gun with lights', ar: 'مسدس فقاعات بإضاءة', material: 'ABS plastic', colors: 'pink, blue', unit: 'pcs', pcsPerCarton: 72, carton: [70, 45, 50], gwKg: 13.5, priceCny: '9.60', moq: 72, shape: 'star' },
  { hsCode: '9503.00', category: 'Toys', zh: '儿童积木 120粒', en: 'Building blocks set, 120 pcs', ar: 'مكعبات بناء للأطفال 120 قطعة', material: 'ABS plastic', colors: 'mixed', unit: 'set', pcsPerCarton: 36, carton: [60, 42, 48], gwKg: 15.1, priceCny: '18.00', moq: 36, shape: 'star' },
  { hsCode: '9503.00', category: 'Toys', zh: '弹力球 45毫米', en: 'Bouncy ball 45 mm', ar: 'كرة نطاطة 45 مم', material: 'rubber', colors: 'assorted', unit: 'pcs', pcsPerCarton: 1000, pcsPerInner: 100, carton: [45, 35, 30], gwKg: 18.0, priceCny: '0.32', moq: 1000, shape: 'ball' },
  { hsCode: '9503.00', category: 'Toys', zh: '陀螺玩具发光', en: 'Light-up spinning top', ar: 'نحلة دوارة مضيئة', material: 'ABS plastic', colors: 'assorted', unit: 'pcs', pcsPerCarton: 480, pcsPerInner: 48, carton: [55, 40, 38], gwKg: 11.4, priceCny: '1.15', moq: 480, shape: 'star' },
  // Jewellery and hair accessories
  { hsCode: '7117.19', category: 'Accessories', zh: '合金锆石戒指', en: 'Alloy zircon ring', ar: 'خاتم سبيكة بالزركون', material: 'zinc alloy, zircon', colors: 'gold, silver', unit: 'pcs', pcsPerCarton: 1200, pcsPerInner: 12, carton: [40, 30, 25], gwKg: 8.5, priceCny: '1.80', moq: 120, shape: 'ring' },
  { hsCode: '7117.19', category: 'Accessories', zh: '不锈钢项链 45厘米', en: 'Stainless steel necklace 45 cm', ar: 'قلادة ستانلس ستيل 45 سم', material: '316L stainless steel', colors: 'gold, silver, rose gold', unit: 'pcs', pcsPerCarton: 600, pcsPerInner: 12, carton: [40, 30, 25], gwKg: 9.2, priceCny: '4.50', moq: 120, shape: 'ring' },
  { hsCode: '9615.19', category: 'Accessories', zh: '珍珠发夹套装', en: 'Pearl hair clip set', ar: 'طقم مشابك شعر باللؤلؤ', material: 'alloy, imitation pearl', colors: 'white', unit: 'set', pcsPerCarton: 400, pcsPerInner: 20, carton: [50, 35, 30], gwKg: 7.6, priceCny: '2.20', moq: 200, shape: 'ring' },
  { hsCode: '6217.10', category: 'Accessories', zh: '大肠发圈 6个装', en: 'Scrunchies, pack of 6', ar: 'ربطات شعر قماش، عبوة 6', material: 'satin', colors: 'assorted', unit: 'set', pcsPerCarton: 500, carton: [55, 40, 35], gwKg: 10.5, priceCny: '3.10', moq: 200, shape: 'ring' },
  { hsCode: '7117.19', category: 'Accessories', zh: '施华洛风水晶耳钉', en: 'Crystal stud earrings', ar: 'أقراط كريستال', material: 'alloy, crystal', colors: 'silver, gold', unit: 'pair', pcsPerCarton: 1000, pcsPerInner: 50, carton: [40, 30, 22], gwKg: 6.1, priceCny: '1.25', moq: 200, shape: 'ring' },
  { hsCode: '7117.90', category: 'Accessories', zh: '编织手链 民族风', en: 'Woven ethnic bracelet', ar: 'سوار منسوج بطابع تراثي', material: 'wax cord, beads', colors: 'mixed', unit: 'pcs', pcsPerCarton: 1200, pcsPerInner: 100, carton: [45, 32, 28], gwKg: 8.0, priceCny: '0.95', moq: 300, shape: 'ring' },
  { hsCode: '3926.20', category: 'Accessories', zh: '男士皮带 自动扣', en: 'Men\'s belt with automatic buckle', ar: 'حزام رجالي بإبزيم أوتوماتيكي', material: 'PU leather, alloy', colors: 'black, brown', unit: 'pcs', pcsPerCarton: 100, carton: [60, 40, 30], gwKg: 17.5, priceCny: '8.90', moq: 100, shape: 'ring' },
  { hsCode: '3926.40', category: 'Accessories', zh: '钥匙扣 卡通', en: 'Cartoon keychain', ar: 'ميدالية مفاتيح كرتونية', material: 'PVC, metal ring', colors: 'assorted', unit: 'pcs', pcsPerCarton: 2000, pcsPerInner: 100, carton: [50, 40, 35], gwKg: 15.8, priceCny: '0.68', moq: 500, shape: 'star' },
  // Hardware
  { hsCode: '8206.00', category: 'Hardware', zh: '家用工具套装 46件', en: 'Household tool set, 46 pcs', ar: 'طقم عدة منزلية 46 قطعة', material: 'carbon steel, ABS case', colors: 'red case', unit: 'set', pcsPerCarton: 10, carton: [48, 35, 40], gwKg: 19.5, priceCny: '42.00', moq: 10, shape: 'tool' },
  { hsCode: '9017.80', category: 'Hardware', zh: '卷尺 5米', en: 'Tape measure 5 m', ar: 'شريط قياس 5 متر', material: 'ABS, steel blade', colors: 'yellow', unit: 'pcs', pcsPerCarton: 240, pcsPerInner: 12, carton: [48, 36, 30], gwKg: 21.0, priceCny: '3.20', moq: 240, shape: 'tool' },
  { hsCode: '8205.40', category: 'Hardware', zh: '多功能螺丝刀', en: 'Multi-bit screwdriver', ar: 'مفك براغي متعدد الرؤوس', material: 'CR-V steel, TPR handle', colors: 'black/orange', unit: 'pcs', pcsPerCarton: 200, pcsPerInner: 20, carton: [52, 38, 30], gwKg: 16.4, priceCny: '4.80', moq: 200, shape: 'tool' },
  { hsCode: '8204.12', category: 'Hardware', zh: '活动扳手 10寸', en: 'Adjustable wrench 10 inch', ar: 'مفتاح ربط قابل للتعديل 10 بوصة', material: 'carbon steel', colors: 'chrome', unit: 'pcs', pcsPerCarton: 60, carton: [40, 30, 20], gwKg: 22.5, priceCny: '9.50', moq: 60, shape: 'tool' },
  { hsCode: '8302.10', category: 'Hardware', zh: '不锈钢合页 4寸', en: 'Stainless steel hinge 4 inch', ar: 'مفصلة باب ستانلس 4 بوصة', material: '201 stainless steel', colors: 'brushed', unit: 'pair', pcsPerCarton: 200, pcsPerInner: 10, carton: [35, 25, 20], gwKg: 23.0, priceCny: '2.60', moq: 200, shape: 'tool' },
  { hsCode: '3919.10', category: 'Hardware', zh: '电工胶布 黑色', en: 'PVC electrical tape, black', ar: 'شريط كهربائي عازل أسود', material: 'PVC', colors: 'black', unit: 'pcs', pcsPerCarton: 500, pcsPerInner: 10, carton: [40, 30, 28], gwKg: 14.0, priceCny: '0.75', moq: 500, shape: 'ball' },
  { hsCode: '8301.10', category: 'Hardware', zh: '挂锁 40毫米', en: 'Padlock 40 mm', ar: 'قفل معلق 40 مم', material: 'iron, brass cylinder', colors: 'grey', unit: 'pcs', pcsPerCarton: 120, pcsPerInner: 12, carton: [38, 28, 22], gwKg: 20.5, priceCny: '5.40', moq: 120, shape: 'tool' },
  { hsCode: '8203.20', category: 'Hardware', zh: '钢丝钳 8寸', en: 'Combination pliers 8 inch', ar: 'زرادية 8 بوصة', material: 'carbon steel', colors: 'red/black handle', unit: 'pcs', pcsPerCarton: 100, carton: [42, 30, 22], gwKg: 19.8, priceCny: '6.90', moq: 100, shape: 'tool' },
  // Kitchen
  { hsCode: '7323.93', category: 'Kitchen', zh: '不锈钢汤锅 24厘米', en: 'Stainless steel stock pot 24 cm', ar: 'قدر ستانلس ستيل 24 سم', material: '201 stainless steel', colors: 'silver', unit: 'pcs', pcsPerCarton: 12, carton: [52, 52, 40], gwKg: 14.6, priceCny: '36.00', moq: 12, shape: 'pot' },
  { hsCode: '3924.10', category: 'Kitchen', zh: '硅胶铲勺 5件套', en: 'Silicone spatula set, 5 pcs', ar: 'طقم ملاعق سيليكون 5 قطع', material: 'food-grade silicone, wood', colors: 'grey, green, pink', unit: 'set', pcsPerCarton: 60, carton: [55, 35, 40], gwKg: 11.2, priceCny: '14.50', moq: 60, shape: 'pot' },
  { hsCode: '8210.00', category: 'Kitchen', zh: '多功能切菜器', en: 'Multi-function vegetable slicer', ar: 'قطاعة خضار متعددة الوظائف', material: 'PP, stainless steel blades', colors: 'green', unit: 'set', pcsPerCarton: 24, carton: [60, 40, 45], gwKg: 12.8, priceCny: '16.80', moq: 24, shape: 'pot' },
  { hsCode: '7013.42', category: 'Kitchen', zh: '玻璃保鲜盒 3件套', en: 'Glass food container set, 3 pcs', ar: 'طقم علب حفظ زجاجية 3 قطع', material: 'borosilicate glass, PP lid', colors: 'clear/blue', unit: 'set', pcsPerCarton: 12, carton: [50, 36, 34], gwKg: 16.0, priceCny: '22.00', moq: 12, shape: 'pot' },
  { hsCode: '9617.00', category: 'Kitchen', zh: '不锈钢保温杯 500毫升', en: 'Vacuum flask 500 ml', ar: 'ترمس حافظ للحرارة 500 مل', material: '304 stainless steel', colors: 'black, white, blue', unit: 'pcs', pcsPerCarton: 50, carton: [50, 40, 30], gwKg: 17.5, priceCny: '15.20', moq: 50, shape: 'pot' },
  { hsCode: '8213.00', category: 'Kitchen', zh: '厨房剪刀', en: 'Kitchen scissors', ar: 'مقص مطبخ', material: 'stainless steel, PP handle', colors: 'black, red', unit: 'pcs', pcsPerCarton: 240, pcsPerInner: 12, carton: [45, 35, 30], gwKg: 15.5, priceCny: '3.60', moq: 240, shape: 'tool' },
  { hsCode: '8215.99', category: 'Kitchen', zh: '打蛋器 手动', en: 'Manual egg whisk', ar: 'خفاقة بيض يدوية', material: 'stainless steel', colors: 'silver', unit: 'pcs', pcsPerCarton: 300, pcsPerInner: 12, carton: [55, 40, 35], gwKg: 13.2, priceCny: '1.90', moq: 300, shape: 'pot' },
  { hsCode: '4419.11', category: 'Kitchen', zh: '竹制砧板 中号', en: 'Bamboo cutting board, medium', ar: 'لوح تقطيع خيزران وسط', material: 'bamboo', colors: 'natural', unit: 'pcs', pcsPerCarton: 40, carton: [42, 32, 40], gwKg: 24.0, priceCny: '11.00', moq: 40, shape: 'pot' },
  // Watches
  { hsCode: '9102.11', category: 'Watches', zh: '男士石英手表 钢带', en: 'Men\'s quartz watch, steel band', ar: 'ساعة كوارتز رجالية بسوار معدني', material: 'alloy case, stainless steel band', colors: 'silver, gold, black', unit: 'pcs', pcsPerCarton: 200, pcsPerInner: 10, carton: [50, 40, 30], gwKg: 15.0, priceCny: '13.50', moq: 50, shape: 'watch' },
  { hsCode: '9102.11', category: 'Watches', zh: '女士皮带手表', en: 'Ladies\' watch, leather strap', ar: 'ساعة نسائية بحزام جلد', material: 'alloy case, PU leather', colors: 'pink, white, black', unit: 'pcs', pcsPerCarton: 300, pcsPerInner: 10, carton: [50, 40, 30], gwKg: 12.5, priceCny: '8.80', moq: 50, shape: 'watch' },
  { hsCode: '9102.12', category: 'Watches', zh: '儿童电子表 防水', en: 'Kids\' digital watch, water resistant', ar: 'ساعة رقمية للأطفال مقاومة للماء', material: 'silicone, ABS', colors: 'assorted', unit: 'pcs', pcsPerCarton: 500, pcsPerInner: 20, carton: [50, 40, 32], gwKg: 11.0, priceCny: '3.95', moq: 100, shape: 'watch' },
  { hsCode: '8517.62', category: 'Watches', zh: '智能手环 心率', en: 'Smart band with heart rate', ar: 'سوار ذكي لقياس نبض القلب', material: 'ABS, TPU strap', colors: 'black', unit: 'pcs', pcsPerCarton: 100, carton: [48, 36, 30], gwKg: 9.5, priceCny: '32.00', moq: 20, shape: 'watch' },
  { hsCode: '9102.11', category: 'Watches', zh: '情侣对表 礼盒装', en: 'Couple watch gift set', ar: 'طقم ساعات للأزواج في علبة هدية', material: 'alloy, stainless steel', colors: 'gold/silver', unit: 'set', pcsPerCarton: 40, carton: [52, 42, 35], gwKg: 10.8, priceCny: '45.00', moq: 10, shape: 'watch' },
  { hsCode: '9102.12', category: 'Watches', zh: '运动电子表 夜光', en: 'Sports digital watch, backlight', ar: 'ساعة رياضية رقمية بإضاءة خلفية', material: 'PU, ABS', colors: 'black, camo', unit: 'pcs', pcsPerCarton: 200, pcsPerInner: 10, carton: [50, 40, 30], gwKg: 12.0, priceCny: '6.50', moq: 100, shape: 'watch' },
  { hsCode: '9102.91', category: 'Watches', zh: '怀表 复古', en: 'Vintage pocket watch', ar: 'ساعة جيب كلاسيكية', material: 'alloy', colors: 'bronze', unit: 'pcs', pcsPerCarton: 200, pcsPerInner: 10, carton: [45, 35, 30], gwKg: 14.2, priceCny: '11.20', moq: 50, shape: 'watch' },
  // Sunglasses
  { hsCode: '9004.10', category: 'Sunglasses', zh: '偏光太阳镜 男款', en: 'Polarized sunglasses, men', ar: 'نظارة شمسية مستقطبة رجالية', material: 'PC frame, TAC lens', colors: 'black, tortoise', unit: 'pcs', pcsPerCarton: 300, pcsPerInner: 12, carton: [60, 40, 40], gwKg: 11.5, priceCny: '6.80', moq: 120, shape: 'glasses' },
  { hsCode: '9004.10', category: 'Sunglasses', zh: '猫眼太阳镜 女款', en: 'Cat-eye sunglasses, ladies', ar: 'نظارة شمسية عين القطة نسائية', material: 'PC frame, AC lens', colors: 'black, pink, leopard', unit: 'pcs', pcsPerCarton: 300, pcsPerInner: 12, carton: [60, 40, 40], gwKg: 10.8, priceCny: '4.20', moq: 120, shape: 'glasses' },
  { hsCode: '9004.10', category: 'Sunglasses', zh: '儿童太阳镜 卡通', en: 'Kids\' cartoon sunglasses', ar: 'نظارة شمسية للأطفال برسوم كرتونية', material: 'PC', colors: 'assorted', unit: 'pcs', pcsPerCarton: 600, pcsPerInner: 12, carton: [60, 40, 40], gwKg: 12.0, priceCny: '1.65', moq: 240, shape: 'glasses' },
  { hsCode: '9004.90', category: 'Sunglasses', zh: '运动骑行眼镜', en: 'Sports cycling glasses', ar: 'نظارات رياضية لركوب الدراجات', material: 'TR90 frame, PC lens', colors: 'black/red, white/blue', unit: 'pcs', pcsPerCarton: 200, pcsPerInner: 10, carton: [60, 40, 40], gwKg: 9.6, priceCny: '9.90', moq: 60, shape: 'glasses' },
  { hsCode: '9004.90', category: 'Sunglasses', zh: '老花镜 +1.0至+4.0', en: 'Reading glasses +1.0 to +4.0', ar: 'نظارة قراءة من +1.0 إلى +4.0', material: 'PC frame, resin lens', colors: 'black, brown', unit: 'pcs', pcsPerCarton: 600, pcsPerInner: 12, carton: [55, 40, 35], gwKg: 13.0, priceCny: '1.45', moq: 240, shape: 'glasses' },
  { hsCode: '4202.32', category: 'Sunglasses', zh: '眼镜盒 硬壳', en: 'Hard glasses case', ar: 'علبة نظارات صلبة', material: 'iron, PU leather', colors: 'black, navy', unit: 'pcs', pcsPerCarton: 200, carton: [55, 38, 40], gwKg: 12.4, priceCny: '2.10', moq: 200, shape: 'glasses' },
  { hsCode: '9004.90', category: 'Sunglasses', zh: '防蓝光眼镜', en: 'Blue-light blocking glasses', ar: 'نظارة حماية من الضوء الأزرق', material: 'TR90 frame', colors: 'black, transparent', unit: 'pcs', pcsPerCarton: 300, pcsPerInner: 12, carton: [60, 40, 40], gwKg: 9.0, priceCny: '5.50', moq: 120, shape: 'glasses' },
  // Bags
  { hsCode: '4202.92', category: 'Bags', zh: '帆布购物袋', en: 'Canvas tote bag', ar: 'حقيبة تسوق قماشية', material: '12 oz cotton canvas', colors: 'natural, black', unit: 'pcs', pcsPerCarton: 200, carton: [55, 40, 35], gwKg: 16.5, priceCny: '4.30', moq: 200, shape: 'bag' },
  { hsCode: '4202.92', category: 'Bags', zh: '学生双肩包', en: 'School backpack', ar: 'حقيبة ظهر مدرسية', material: '600D polyester', colors: 'navy, pink, grey', unit: 'pcs', pcsPerCarton: 30, carton: [60, 45, 50], gwKg: 15.8, priceCny: '24.00', moq: 30, shape: 'bag' },
  { hsCode: '4202.22', category: 'Bags', zh: '女士手提包 PU', en: 'Ladies\' PU handbag', ar: 'حقيبة يد نسائية جلد صناعي', material: 'PU leather', colors: 'black, beige, red', unit: 'pcs', pcsPerCarton: 40, carton: [62, 45, 50], gwKg: 18.0, priceCny: '28.50', moq: 20, shape: 'bag' },
  { hsCode: '4202.92', category: 'Bags', zh: '折叠购物袋 尼龙', en: 'Foldable nylon shopping bag', ar: 'حقيبة تسوق نايلون قابلة للطي', material: '190T nylon', colors: 'assorted', unit: 'pcs', pcsPerCarton: 500, pcsPerInner: 50, carton: [50, 40, 35], gwKg: 14.0, priceCny: '1.70', moq: 500, shape: 'bag' },
  { hsCode: '4202.12', category: 'Bags', zh: '化妆包 三件套', en: 'Cosmetic bag set, 3 pcs', ar: 'طقم حقائب مكياج 3 قطع', material: 'PU, polyester lining', colors: 'pink, black, white', unit: 'set', pcsPerCarton: 100, carton: [55, 42, 40], gwKg: 13.6, priceCny: '9.20', moq: 50, shape: 'bag' },
  // Stationery
  { hsCode: '9608.10', category: 'Stationery', zh: '中性笔 0.5毫米 12支装', en: 'Gel pens 0.5 mm, box of 12', ar: 'أقلام جل 0.5 مم، علبة 12', material: 'plastic', colors: 'black, blue, red', unit: 'box', pcsPerCarton: 144, pcsPerInner: 12, carton: [45, 30, 25], gwKg: 10.2, priceCny: '4.60', moq: 144, shape: 'pen' },
  { hsCode: '4820.10', category: 'Stationery', zh: 'A5笔记本 线圈', en: 'A5 spiral notebook', ar: 'دفتر حلزوني مقاس A5', material: 'paper, PP cover', colors: 'assorted', unit: 'pcs', pcsPerCarton: 100, carton: [45, 32, 35], gwKg: 21.0, priceCny: '3.30', moq: 100, shape: 'pen' },
  { hsCode: '9608.20', category: 'Stationery', zh: '水彩笔 24色', en: 'Watercolour markers, 24 colours', ar: 'أقلام تلوين مائية 24 لون', material: 'PP, non-toxic ink', colors: 'mixed', unit: 'set', pcsPerCarton: 96, carton: [50, 35, 40], gwKg: 14.5, priceCny: '5.80', moq: 96, shape: 'pen' },
  { hsCode: '9609.10', category: 'Stationery', zh: '文具套装 儿童', en: 'Kids\' stationery set', ar: 'طقم أدوات مدرسية للأطفال', material: 'plastic, paper', colors: 'pink, blue', unit: 'set', pcsPerCarton: 72, carton: [55, 40, 42], gwKg: 13.8, priceCny: '7.40', moq: 72, shape: 'pen' },
  { hsCode: '4820.10', category: 'Stationery', zh: '便利贴 彩色', en: 'Sticky notes, colours', ar: 'أوراق ملاحظات لاصقة ملونة', material: 'paper', colors: 'assorted', unit: 'pcs', pcsPerCarton: 480, pcsPerInner: 24, carton: [45, 35, 30], gwKg: 18.6, priceCny: '0.90', moq: 480, shape: 'pen' },
  // Phone accessories
  { hsCode: '8544.42', category: 'Phone accessories', zh: '快充数据线 1米', en: 'Fast-charge USB-C cable 1 m', ar: 'كابل شحن سريع USB-C متر واحد', material: 'TPE, copper', colors: 'white, black', unit: 'pcs', pcsPerCarton: 500, pcsPerInner: 50, carton: [50, 35, 30], gwKg: 13.0, priceCny: '2.75', moq: 200, shape: 'phone' },
  { hsCode: '3926.90', category: 'Phone accessories', zh: '手机壳 透明防摔', en: 'Clear shockproof phone case', ar: 'جراب هاتف شفاف مضاد للصدمات', material: 'TPU', colors: 'clear', unit: 'pcs', pcsPerCarton: 500, pcsPerInner: 50, carton: [50, 40, 30], gwKg: 12.0, priceCny: '1.35', moq: 200, shape: 'phone' },
  { hsCode: '8507.60', category: 'Phone accessories', zh: '充电宝 10000毫安', en: 'Power bank 10,000 mAh', ar: 'باور بانك 10000 مللي أمبير', material: 'ABS, Li-polymer', colors: 'white, black', unit: 'pcs', pcsPerCarton: 50, carton: [45, 32, 28], gwKg: 13.5, priceCny: '29.00', moq: 50, shape: 'phone' },
  { hsCode: '8518.30', category: 'Phone accessories', zh: '蓝牙耳机 TWS', en: 'TWS Bluetooth earbuds', ar: 'سماعات بلوتوث لاسلكية', material: 'ABS', colors: 'white, black', unit: 'pcs', pcsPerCarton: 100, carton: [48, 35, 30], gwKg: 8.5, priceCny: '26.50', moq: 50, shape: 'phone' },
  { hsCode: '3926.90', category: 'Phone accessories', zh: '车载手机支架', en: 'Car phone holder', ar: 'حامل هاتف للسيارة', material: 'ABS, silicone', colors: 'black', unit: 'pcs', pcsPerCarton: 200, carton: [55, 40, 35], gwKg: 12.6, priceCny: '5.20', moq: 100, shape: 'phone' },
  // Festival
  { hsCode: '9505.10', category: 'Festival', zh: '圣诞彩球 6厘米 24个装', en: 'Christmas baubles 6 cm, box of 24', ar: 'كرات زينة عيد الميلاد 6 سم، علبة 24', material: 'shatterproof plastic', colors: 'red, gold, silver', unit: 'box', pcsPerCarton: 24, carton: [60, 40, 45], gwKg: 9.5, priceCny: '11.50', moq: 24, shape: 'ball' },
  { hsCode: '9405.42', category: 'Festival', zh: 'LED灯串 10米', en: 'LED string lights 10 m', ar: 'سلسلة إضاءة LED 10 متر', material: 'PVC wire, LED', colors: 'warm white, multicolour', unit: 'pcs', pcsPerCarton: 100, carton: [50, 40, 35], gwKg: 14.0, priceCny: '6.30', moq: 100, shape: 'star' },
  { hsCode: '9505.90', category: 'Festival', zh: '斋月灯笼 装饰', en: 'Ramadan lantern decoration', ar: 'فانوس رمضان للزينة', material: 'iron, glass', colors: 'gold, bronze', unit: 'pcs', pcsPerCarton: 48, carton: [60, 45, 50], gwKg: 12.2, priceCny: '15.60', moq: 48, shape: 'star' },
  { hsCode: '9503.00', category: 'Festival', zh: '生日气球套装', en: 'Birthday balloon set', ar: 'طقم بالونات عيد ميلاد', material: 'latex, foil', colors: 'gold, rose gold, blue', unit: 'set', pcsPerCarton: 200, carton: [50, 40, 35], gwKg: 15.0, priceCny: '3.80', moq: 100, shape: 'ball' },
  { hsCode: '9505.90', category: 'Festival', zh: '派对面具 羽毛', en: 'Feather party mask', ar: 'قناع حفلات بالريش', material: 'plastic, feather', colors: 'assorted', unit: 'pcs', pcsPerCarton: 300, pcsPerInner: 12, carton: [60, 45, 45], gwKg: 8.8, priceCny: '2.40', moq: 120, shape: 'star' },
];
