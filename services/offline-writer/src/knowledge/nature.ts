import { type Entity, entity, yearsAgo } from './entity';

/** Bodies, processes and living things of nature, with what their absence does. */
export const natureEntities: Entity[] = [
  entity(
    'moon',
    'body',
    'nature',
    {
      en: {
        name: 'the Moon',
        match: 'the moon|moon|moonlight|lunar',
        motifs: [
          'the tides',
          "the tilt of the Earth's axis",
          'the length of the day',
          'the night sky',
          'the coastlines',
          'the seasons',
        ],
        recorded: 'a Mars-sized body struck the young Earth and the debris gathered into the Moon',
        withoutIt: [
          'The Sun alone raises the tides, and they are barely a third as high as ours.',
          "With no large moon to steady it, the Earth's axis wobbles over millions of years, and climates swing with it.",
          'The planet keeps spinning fast: with nothing to brake it, a day lasts only a few of our hours.',
          'Coastal life evolves without the wide, rich strip of shore that big tides uncover twice a day.',
          'Nights are darker than any we know; animals that hunt or navigate by moonlight never evolve that way.',
          'People count time by the Sun and the stars alone: there are no months, and no lunar new year.',
        ],
      },
      vi: {
        name: 'Mặt Trăng',
        match: 'mặt trăng|ánh trăng|vầng trăng|trăng',
        motifs: [
          'thủy triều',
          'độ nghiêng của trục Trái Đất',
          'độ dài của một ngày',
          'bầu trời đêm',
          'những bờ biển',
          'các mùa trong năm',
        ],
        recorded: 'một thiên thể cỡ Sao Hỏa va vào Trái Đất non trẻ và mảnh vỡ tụ lại thành Mặt Trăng',
        withoutIt: [
          'Chỉ còn Mặt Trời tạo ra thủy triều, và con nước chỉ cao bằng khoảng một phần ba ngày nay.',
          'Không có vệ tinh lớn giữ ổn định, trục Trái Đất chao đảo qua hàng triệu năm, kéo theo khí hậu dao động mạnh.',
          'Trái Đất vẫn quay rất nhanh: không có gì hãm lại, một ngày chỉ dài vài giờ của chúng ta.',
          'Sự sống ven biển tiến hóa mà không có dải bãi triều rộng và giàu thức ăn lộ ra hai lần mỗi ngày.',
          'Ban đêm tối hơn bất cứ đêm nào ta biết; những loài săn mồi hay định hướng nhờ ánh trăng không bao giờ xuất hiện.',
          'Con người tính thời gian chỉ theo Mặt Trời và các vì sao: không có tháng âm lịch, không có Tết theo trăng.',
        ],
      },
    },
    { time: yearsAgo(4_500_000_000) },
  ),
  entity(
    'sun',
    'body',
    'nature',
    {
      en: {
        name: 'the Sun',
        match: 'the sun|sun|sunlight|sunshine|solar',
        motifs: [
          'the daylight',
          'the temperature of the air',
          'the crops',
          'the oceans',
          'the power grids',
          'the weather',
        ],
        withoutIt: [
          'For eight minutes nothing changes: the last light already on its way still arrives.',
          'Then the sky goes dark, and the temperature starts to fall everywhere at once.',
          'Plants stop growing; the food chain begins to run on what is already stored.',
          'Within weeks the surface is colder than any winter on record, and the oceans start to freeze from the top.',
          'Only the deep sea, warmed from below, keeps anything like its old life.',
        ],
      },
      vi: {
        name: 'Mặt Trời',
        match: 'mặt trời|ánh nắng|ánh mặt trời|nắng',
        motifs: [
          'ánh sáng ban ngày',
          'nhiệt độ không khí',
          'mùa màng',
          'các đại dương',
          'lưới điện',
          'thời tiết',
        ],
        withoutIt: [
          'Trong tám phút đầu, chưa có gì thay đổi: những tia sáng cuối cùng vẫn đang trên đường tới.',
          'Rồi bầu trời tối sầm, và nhiệt độ bắt đầu giảm ở khắp mọi nơi cùng một lúc.',
          'Cây cối ngừng lớn; chuỗi thức ăn bắt đầu sống nhờ những gì đã tích trữ.',
          'Chỉ sau vài tuần, mặt đất lạnh hơn mọi mùa đông từng ghi nhận, và mặt biển bắt đầu đóng băng.',
          'Chỉ còn biển sâu, được sưởi ấm từ lòng đất, giữ lại được phần nào sự sống cũ.',
        ],
      },
    },
    { time: yearsAgo(4_600_000_000) },
  ),
  entity('oxygen', 'substance', 'nature', {
    en: {
      name: 'oxygen',
      match: 'oxygen',
      motifs: ['the air we breathe', 'the fires', 'the rust on iron', 'the animals', 'the ozone layer'],
      withoutIt: [
        'Every breath comes up empty; animals collapse within minutes.',
        'Fires go out at once, and engines stall mid-road.',
        'Without its ozone the sky lets in the harsh ultraviolet light.',
        'Only microbes that never needed oxygen carry on, as they did before it existed.',
      ],
    },
    vi: {
      name: 'ô-xy',
      match: 'ô-xy|oxy|oxi|khí ô-xy|dưỡng khí',
      motifs: [
        'bầu không khí ta thở',
        'những ngọn lửa',
        'lớp gỉ trên sắt',
        'các loài động vật',
        'tầng ozone',
      ],
      withoutIt: [
        'Mỗi hơi thở đều trống rỗng; động vật gục ngã chỉ trong vài phút.',
        'Mọi ngọn lửa tắt ngấm, động cơ chết máy giữa đường.',
        'Không còn tầng ozone, bầu trời để lọt tia cực tím gay gắt.',
        'Chỉ những vi sinh vật chưa từng cần ô-xy tiếp tục sống, như trước khi có nó.',
      ],
    },
  }),
  entity('gravity', 'process', 'nature', {
    en: {
      name: 'gravity',
      match: 'gravity|gravitation',
      motifs: [
        'the oceans',
        'the atmosphere',
        'the orbit of the Moon',
        'the bones and muscles of animals',
        'the rivers',
        'the buildings',
      ],
    },
    vi: {
      name: 'trọng lực',
      match: 'trọng lực|lực hấp dẫn|trọng trường',
      motifs: [
        'các đại dương',
        'bầu khí quyển',
        'quỹ đạo của Mặt Trăng',
        'xương và cơ của động vật',
        'những dòng sông',
        'các tòa nhà',
      ],
    },
  }),
  entity(
    'bees',
    'species',
    'nature',
    {
      en: {
        name: 'bees',
        match: 'bees|bee|honeybees?|pollinators?',
        motifs: [
          'the orchards',
          'the almond and apple harvests',
          'the wildflowers',
          'the honey trade',
          'the farmers',
        ],
        withoutIt: [
          'Flowers that waited for bees go unvisited; wind and other insects carry only part of the pollen.',
          'Fruit and nut harvests shrink first: apples, almonds, coffee and cocoa come in thin.',
          'Farmers hire people to pollinate by hand, flower by flower, where they can afford it.',
          'Wild plants that depended on bees retreat, and the animals that ate their seeds follow them.',
        ],
      },
      vi: {
        name: 'loài ong',
        match: 'loài ong|con ong|ong mật|ong',
        motifs: [
          'những vườn cây ăn quả',
          'vụ táo và hạnh nhân',
          'hoa dại',
          'nghề nuôi ong lấy mật',
          'người nông dân',
        ],
        withoutIt: [
          'Những bông hoa vẫn chờ ong không còn ai ghé; gió và côn trùng khác chỉ mang đi một phần phấn hoa.',
          'Vụ trái cây và hạt co lại trước tiên: táo, hạnh nhân, cà phê, ca cao đều thất thu.',
          'Nông dân thuê người thụ phấn bằng tay, từng bông một, ở nơi nào đủ tiền.',
          'Những loài cây dại sống nhờ ong dần lùi bước, kéo theo các loài vật ăn hạt của chúng.',
        ],
      },
    },
    { plural: true },
  ),
  entity(
    'asteroid',
    'event',
    'nature',
    {
      en: {
        name: 'the asteroid',
        match: 'the asteroid|asteroid|chicxulub|the meteor',
        motifs: [
          'the dinosaurs',
          'the small mammals',
          'the forests of the Cretaceous',
          'the shallow seas',
          'the flowering plants',
        ],
        recorded: 'an asteroid struck Chicxulub and ended the age of the dinosaurs',
      },
      vi: {
        name: 'tiểu hành tinh',
        match: 'tiểu hành tinh|thiên thạch|chicxulub',
        motifs: [
          'loài khủng long',
          'những loài thú nhỏ',
          'rừng kỷ Phấn Trắng',
          'những vùng biển nông',
          'các loài cây có hoa',
        ],
        recorded: 'một tiểu hành tinh đâm xuống Chicxulub và khép lại thời đại khủng long',
      },
    },
    { time: yearsAgo(66_000_000) },
  ),
  entity(
    'ice-age',
    'event',
    'nature',
    {
      en: {
        name: 'the last ice age',
        match: 'ice age|ice ages|glaciation',
        motifs: ['the glaciers', 'the land bridges', 'the mammoths', 'the first hunters', 'the sea level'],
        recorded: 'the ice sheets retreated and the seas rose',
      },
      vi: {
        name: 'kỷ băng hà cuối cùng',
        match: 'kỷ băng hà|thời kỳ băng hà',
        motifs: [
          'các sông băng',
          'những cây cầu đất liền',
          'voi ma mút',
          'những người săn bắn đầu tiên',
          'mực nước biển',
        ],
        recorded: 'các tảng băng lớn rút đi và mực nước biển dâng lên',
      },
    },
    { time: yearsAgo(12_000) },
  ),
  entity(
    'oceans',
    'body',
    'nature',
    {
      en: {
        name: 'the oceans',
        match: 'the oceans?|oceans?|the seas',
        motifs: ['the rain', 'the currents', 'the coastal cities', 'the fisheries', 'the climate'],
      },
      vi: {
        name: 'các đại dương',
        match: 'đại dương|biển cả',
        motifs: ['những cơn mưa', 'các dòng hải lưu', 'các thành phố ven biển', 'nghề cá', 'khí hậu'],
      },
    },
    { plural: true },
  ),
  entity(
    'humans-biology',
    'species',
    'nature',
    {
      en: {
        name: 'humans',
        match: 'humans|human beings|mankind|humanity',
        motifs: ['the body', 'the daily meals', 'the cities', 'the farms', 'the doctors'],
      },
      vi: {
        name: 'con người',
        match: 'con người|loài người|nhân loại',
        motifs: ['cơ thể', 'những bữa ăn hằng ngày', 'các thành phố', 'đồng ruộng', 'các bác sĩ'],
      },
    },
    { plural: true },
  ),
  entity('seasons', 'event', 'nature', {
    en: {
      name: 'the seasons',
      match: 'seasons|the seasons',
      motifs: ['the harvests', 'the migrations', 'the festivals', 'the winter stores'],
    },
    vi: {
      name: 'bốn mùa',
      match: 'bốn mùa|các mùa',
      motifs: ['mùa gặt', 'những cuộc di cư', 'lễ hội', 'lương thực dự trữ cho mùa đông'],
    },
  }),
  entity('rain', 'process', 'nature', {
    en: {
      name: 'rain',
      match: 'rain|rainfall|the rain',
      motifs: ['the rivers', 'the rice fields', 'the reservoirs', 'the forests', 'the wells'],
      withoutIt: [
        'Rivers keep flowing for a while on what the mountains stored, then thin to trickles.',
        'Reservoirs drop week by week; cities ration water by the hour.',
        'Rain-fed fields fail first; irrigated ones follow as the rivers shrink.',
        'Forests dry out and burn, and the dust they leave blows across whole regions.',
      ],
    },
    vi: {
      name: 'mưa',
      match: 'mưa|cơn mưa|lượng mưa',
      motifs: ['những dòng sông', 'ruộng lúa', 'các hồ chứa', 'rừng', 'giếng nước'],
      withoutIt: [
        'Các dòng sông còn chảy một thời gian nhờ nước núi non tích lại, rồi cạn dần thành khe nhỏ.',
        'Hồ chứa hạ thấp từng tuần; thành phố phải chia nước theo giờ.',
        'Ruộng nhờ nước trời chết trước; ruộng có thủy lợi chết theo khi sông cạn.',
        'Rừng khô và bốc cháy, bụi tro bay khắp cả vùng.',
      ],
    },
  }),
];
