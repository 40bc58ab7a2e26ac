import { getHome } from "@/lib/api/home";
import { publicGateway } from "@/lib/api/server";
import { PageHeader } from "@/components/layout/page-header";
import { HomeSection } from "@/components/home/home-sections";
import { Alert } from "@/components/ui/alert";

/** Home: server-rendered from the BFF's component list (the same HTML for every visitor). */
export default async function HomePage() {
  const home = await getHome(await publicGateway());
  return (
    <>
      <PageHeader title="Home" />
      <div className="flex flex-col gap-8 border-t border-slate-100 pt-4">
        {home.components.map((component) => (
          <HomeSection key={component.id} component={component} />
        ))}
        {home.components.length === 0 ? (
          <div className="px-4">
            <Alert>지금은 상품 정보를 불러오지 못했어요. 잠시 후 다시 시도해 주세요.</Alert>
          </div>
        ) : null}
      </div>
    </>
  );
}
